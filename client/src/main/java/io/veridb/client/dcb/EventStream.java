package io.veridb.client.dcb;

import io.grpc.Context;
import io.grpc.StatusRuntimeException;
import java.util.ArrayDeque;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.OptionalLong;
import java.util.function.Supplier;

/**
 * The events of one Read or Subscribe call, in server order, fetched batch by batch as the iterator advances.
 * {@link #hasNext()} blocks while the server has not sent the next batch (a subscription waits for new events
 * indefinitely). {@link #close()} cancels the call from any thread; the iterator then ends. Server errors are
 * thrown from {@link #hasNext()} as {@link DcbException}s. Not thread-safe apart from {@link #close()}.
 */
public final class EventStream implements Iterator<SequencedEvent>, AutoCloseable {

    /** One response message. */
    record Batch(List<SequencedEvent> events, OptionalLong head) {}

    private final Context.CancellableContext context;
    private final Iterator<Batch> batches;
    private final ArrayDeque<SequencedEvent> buffer = new ArrayDeque<>();
    private OptionalLong head = OptionalLong.empty();
    private boolean received;
    private boolean done;
    private volatile boolean closed;

    private EventStream(Context.CancellableContext context, Iterator<Batch> batches) {
        this.context = context;
        this.batches = batches;
    }

    /** Starts the call inside a cancellable context so {@link #close()} can cancel it. */
    static EventStream start(Supplier<Iterator<Batch>> call) {
        Context.CancellableContext ctx = Context.current().withCancellation();
        Context previous = ctx.attach();
        try {
            return new EventStream(ctx, call.get());
        } catch (StatusRuntimeException e) {
            ctx.cancel(e);
            throw DcbErrors.map(e);
        } finally {
            ctx.detach(previous);
        }
    }

    @Override
    public boolean hasNext() {
        while (buffer.isEmpty() && fetch()) {
            // Empty batches (an empty read answers with one) carry only the head; keep reading.
            continue;
        }
        return !buffer.isEmpty();
    }

    @Override
    public SequencedEvent next() {
        if (!hasNext()) {
            throw new NoSuchElementException("event stream ended");
        }
        return buffer.poll();
    }

    /**
     * The head reported by the latest message received, reading the first message if none has arrived yet. For a
     * read without a limit this is the store's head when the read started (use it as the {@code after} of an
     * append condition); with a limit it is the position of the last event of that message. Empty for an empty
     * store, for messages without a head, and for subscriptions.
     */
    public OptionalLong head() {
        if (!received) {
            fetch();
        }
        return head;
    }

    private boolean fetch() {
        if (done || closed) {
            done = true;
            return false;
        }
        try {
            if (!batches.hasNext()) {
                done = true;
                return false;
            }
            Batch b = batches.next();
            received = true;
            head = b.head();
            buffer.addAll(b.events());
            return true;
        } catch (StatusRuntimeException e) {
            done = true;
            if (closed) {
                return false;
            }
            throw DcbErrors.map(e);
        }
    }

    /** Cancels the call; pending and later {@link #hasNext()} calls return what is buffered, then false. */
    @Override
    public void close() {
        closed = true;
        context.cancel(null);
    }
}
