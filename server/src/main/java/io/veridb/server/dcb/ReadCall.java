package io.veridb.server.dcb;

import io.grpc.stub.ServerCallStreamObserver;
import io.veridb.events.EventCursor;
import io.veridb.events.EventStore;
import io.veridb.events.Query;
import io.veridb.events.StoredEvent;
import java.util.concurrent.Executor;

/**
 * One Read: events matching the query from {@code start} (inclusive) up to the head captured when the read
 * starts, in batches cut by count and by bytes. Head rules (UmaDB): without a limit every message carries the
 * captured head; with a limit, the last position in that message; an empty result is one message with no events
 * (head absent when the store is empty or a limit is set).
 */
final class ReadCall extends StreamCall {
    private final EventCursor cursor;
    private final long head;
    private final boolean limited;
    private final int batchSize;
    private final ResponseEncoder encoder = new ResponseEncoder();
    private long remaining;
    private StoredEvent carried;
    private boolean sentAny;

    /**
     * @param limit the maximum number of events, or -1 for none (0 means no messages at all)
     */
    ReadCall(ServerCallStreamObserver<EncodedMessage> observer, Executor executor, StreamRegistry registry,
            EventStore store, Query query, long start, boolean backwards, long limit, int batchSize) {
        super(observer, executor, registry);
        this.head = store.head();
        this.limited = limit >= 0;
        this.remaining = limited ? limit : Long.MAX_VALUE;
        this.batchSize = batchSize;
        this.cursor = store.read(query, start, backwards, head);
    }

    @Override
    boolean step() {
        if (remaining == 0) {
            if (!sentAny && !limited) {
                sendEmpty();
            }
            finishOk();
            return false;
        }
        boolean exhausted = fill();
        if (encoder.events() > 0) {
            observer.onNext(encoder.finish(limited ? encoder.lastPosition() : headOrAbsent()));
            sentAny = true;
            if (!exhausted && remaining > 0) {
                return true;
            }
        }
        if (!sentAny) {
            sendEmpty();
        }
        finishOk();
        return false;
    }

    /** Fills one message; true when the cursor is exhausted. */
    private boolean fill() {
        while (encoder.events() < batchSize && remaining > 0) {
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
            remaining--;
        }
        return false;
    }

    private void sendEmpty() {
        observer.onNext(encoder.finish(limited ? -1 : headOrAbsent()));
        sentAny = true;
    }

    private long headOrAbsent() {
        return head == 0 ? -1 : head;
    }

    @Override
    void release() {
        cursor.close();
    }
}
