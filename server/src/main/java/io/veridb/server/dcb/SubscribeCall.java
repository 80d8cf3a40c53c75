package io.veridb.server.dcb;

import io.grpc.stub.ServerCallStreamObserver;
import io.veridb.events.EventCursor;
import io.veridb.events.EventStore;
import io.veridb.events.Query;
import io.veridb.events.StoredEvent;
import java.util.concurrent.Executor;

/**
 * One Subscribe: catches up from {@code after} (exclusive), then follows new commits. Never sends an empty
 * message; ends only on cancel, error, or server shutdown (OK).
 */
final class SubscribeCall extends StreamCall {
    private final EventStore store;
    private final Query query;
    private final int batchSize;
    private final ResponseEncoder encoder = new ResponseEncoder();
    private final AutoCloseable watch;
    private EventCursor cursor;
    private long next;
    private long bound;
    private StoredEvent carried;

    SubscribeCall(ServerCallStreamObserver<EncodedMessage> observer, Executor executor, StreamRegistry registry,
            EventStore store, Query query, long after, int batchSize) {
        super(observer, executor, registry);
        this.store = store;
        this.query = query;
        this.batchSize = batchSize;
        this.next = after + 1;
        this.watch = store.watch(this::schedule);
    }

    @Override
    boolean step() {
        while (true) {
            if (cursor == null && !openCursor()) {
                return false;
            }
            boolean exhausted = fill();
            if (encoder.events() > 0) {
                next = exhausted ? bound + 1 : encoder.lastPosition() + 1;
                observer.onNext(encoder.finish(-1));
                if (exhausted) {
                    closeCursor();
                }
                return true;
            }
            next = bound + 1;
            closeCursor();
        }
    }

    /** Opens a cursor over (next-1, head]; false when there is nothing new yet. */
    private boolean openCursor() {
        long head = store.head();
        if (head < next) {
            return false;
        }
        bound = head;
        cursor = store.read(query, next, false, bound);
        return true;
    }

    private boolean fill() {
        while (encoder.events() < batchSize) {
            StoredEvent event = carried != null ? carried : cursor.next();
            carried = null;
            if (event == null) {
                return true;
            }
            if (!encoder.fits(event.record().size())) {
                carried = event;
                return false;
            }
            encoder.add(event.position(), event.record());
        }
        return false;
    }

    private void closeCursor() {
        if (cursor != null) {
            cursor.close();
            cursor = null;
        }
    }

    @Override
    void release() {
        closeCursor();
        try {
            watch.close();
        } catch (Exception e) {
            throw new IllegalStateException("cannot close watch", e);
        }
    }
}
