package io.veridb.events;

import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.PendingTx;
import io.veridb.ledger.PendingView;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What the writer thread knows about the group-commit batch being prepared: the events and tracking positions
 * of the transactions accepted so far (its own and anything else on the ledger), and the head they lead to.
 * Rebuilt from the {@link PendingView} on every prepare, so a transaction the ledger refused never counts.
 * The posting lists of the pending events are built only when a condition asks for them
 * ({@link #pendingPostings()}): unconditional appends never pay for them. Writer thread only.
 */
final class WriterBatch {
    private final EventIndex index;
    private final MemoryPostings postings = new MemoryPostings();
    private final List<PendingEvent> events = new ArrayList<>();
    /** How many of {@link #events} are in {@link #postings}. */
    private int posted;
    private final Map<String, Long> tracking = new HashMap<>();
    private long firstTxId = -1;
    private int ingested;
    private long committedHead;
    private long head;
    private Prepared lastPrepared;

    /** What this store prepared last: recognised by entry identity, so it need not be decoded again. */
    record Prepared(List<EntrySpec> entries, List<PendingEvent> events, TrackingInfo tracking) {}

    WriterBatch(EventIndex index) {
        this.index = index;
    }

    /** Brings the state up to {@code view}: a new batch resets it; newly accepted transactions are added. */
    void sync(PendingView view) {
        List<PendingTx> txs = view.pendingTxs();
        long first = txs.isEmpty() ? view.nextTxId() : txs.get(0).txId();
        if (first != firstTxId || txs.size() < ingested) {
            reset(first);
        }
        for (int i = ingested; i < txs.size(); i++) {
            ingest(txs.get(i));
        }
        ingested = txs.size();
        lastPrepared = null;
    }

    private void reset(long first) {
        firstTxId = first;
        ingested = 0;
        if (posted > 0) {
            postings.clear();
            posted = 0;
        }
        events.clear();
        index.forgetPrepared();
        tracking.clear();
        committedHead = index.writerHead();
        head = committedHead;
    }

    private void ingest(PendingTx tx) {
        Prepared p = lastPrepared;
        List<EntrySpec> entries = tx.entries();
        if (p != null && entries.size() == p.entries().size() && entries.get(0) == p.entries().get(0)) {
            for (PendingEvent e : p.events()) {
                add(e);
            }
            if (p.tracking() != null) {
                tracking.put(p.tracking().source(), p.tracking().position());
            }
            return;
        }
        for (EntrySpec entry : entries) {
            byte[] key = entry.key();
            if (LedgerKeys.isEventKey(key)) {
                EventRecord record = EventRecord.parse(entry.value());
                add(new PendingEvent(LedgerKeys.positionOf(key), record, record.keys()));
            } else if (LedgerKeys.isTrackingKey(key)) {
                tracking.put(LedgerKeys.sourceOf(key), LedgerKeys.trackingPosition(entry.value()));
            }
        }
    }

    private void add(PendingEvent e) {
        events.add(e);
        head = Math.max(head, e.position());
    }

    /**
     * Remembers what this store just prepared, for the next {@link #sync}, and hands its events to the index so
     * that indexing does not parse them again.
     */
    void prepared(Prepared p) {
        lastPrepared = p;
        index.prepared(p.entries(), p.events());
    }

    long committedHead() {
        return committedHead;
    }

    /** The last position committed or pending in this batch (0 when there are no events). */
    long head() {
        return head;
    }

    /** The posting lists of the pending events, brought up to date. */
    PostingSource pendingPostings() {
        for (; posted < events.size(); posted++) {
            PendingEvent e = events.get(posted);
            postings.add(e.position(), e.keys().type(), e.keys().tags());
        }
        return postings;
    }

    /** A pending event by position, or null if the position is committed. */
    PendingEvent pending(long position) {
        if (position <= committedHead || events.isEmpty()) {
            return null;
        }
        int i = (int) (position - events.get(0).position());
        if (i >= 0 && i < events.size() && events.get(i).position() == position) {
            return events.get(i);
        }
        for (PendingEvent e : events) {
            if (e.position() == position) {
                return e;
            }
        }
        return null;
    }

    /** The tracking position recorded earlier in this batch, or null. */
    Long pendingTracking(String source) {
        return tracking.get(source);
    }
}
