package io.veridb.events;

import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.PendingView;
import io.veridb.ledger.TxPreparer;
import io.veridb.ledger.TxRejectedException;
import io.veridb.proofs.KvMetadata;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Prepares one append on the ledger's writer thread, in UmaDB's order: condition (against committed events and
 * the batch's pending ones), idempotency, validation, tracking, then positions and entries. Records are encoded
 * and validated beforehand on the caller's thread ({@link EncodedAppend}), so the writer does little work.
 */
final class AppendPreparer implements TxPreparer {
    static final KvMetadata ENTRY_METADATA = new KvMetadata(false, OptionalLong.empty(), true);

    private final StoreContext store;
    private final EncodedAppend append;
    private long resultPosition;

    AppendPreparer(StoreContext store, EncodedAppend append) {
        this.store = store;
        this.append = append;
    }

    /** The response position, valid once the commit future completed normally. */
    long resultPosition() {
        return resultPosition;
    }

    @Override
    public List<EntrySpec> prepare(PendingView view) throws TxRejectedException {
        WriterBatch batch = store.batch();
        batch.sync(view);
        AppendCondition condition = append.request().condition();
        if (condition != null) {
            checkCondition(batch, condition);
        }
        if (append.validationError() != null) {
            throw new DcbRejection(append.validationError());
        }
        TrackingInfo tracking = append.request().tracking();
        if (tracking != null) {
            checkTracking(batch, tracking);
        }
        int n = append.records().size();
        if (n == 0 && tracking == null) {
            throw new ResolvedWithoutWrite(0);
        }
        return entries(batch, tracking, n);
    }

    private List<EntrySpec> entries(WriterBatch batch, TrackingInfo tracking, int n) {
        long first = batch.head() + 1;
        List<EntrySpec> entries = new ArrayList<>(n + 1);
        List<PendingEvent> events = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            long position = first + i;
            EventRecord record = append.records().get(i);
            entries.add(new EntrySpec(LedgerKeys.eventKey(position), append.encoded().get(i), ENTRY_METADATA));
            events.add(new PendingEvent(position, record, append.keys().get(i)));
        }
        if (tracking != null) {
            entries.add(new EntrySpec(LedgerKeys.trackingKey(tracking.source()),
                    LedgerKeys.trackingValue(tracking.position()), ENTRY_METADATA));
        }
        List<EntrySpec> out = List.copyOf(entries);
        batch.prepared(new WriterBatch.Prepared(out, events, tracking));
        resultPosition = n == 0 ? 0 : first + n - 1;
        return out;
    }

    private void checkCondition(WriterBatch batch, AppendCondition condition) throws TxRejectedException {
        long from = condition.firstPosition();
        long head = batch.head();
        if (from == -1 || from > head) {
            return;
        }
        PostingSource committed = new RecentPostings(new IndexPostings(store.index(), batch.committedHead(), 1),
                store.lastPositions());
        PostingSource postings = new LayeredPostings(committed, batch.pendingPostings(), batch.committedHead());
        try (QueryMatcher matcher = new QueryMatcher(condition.failIfEventsMatch(), postings, false)) {
            long match = matcher.next(from, from, head);
            if (match == PostingCursor.NONE) {
                return;
            }
            long idempotent = idempotentPosition(matcher, match, from, head);
            if (idempotent > 0) {
                throw new ResolvedWithoutWrite(idempotent);
            }
            EventRecord matched = record(batch, match);
            throw new DcbRejection(DcbException.conditionFailed(ConditionText.failed(condition, match, matched)));
        }
    }

    /**
     * UmaDB's positional idempotency: if every submitted event has a uuid and the first N events matching the
     * condition (from the same start) carry exactly those uuids in order, the position of the last of them.
     */
    private long idempotentPosition(QueryMatcher matcher, long firstMatch, long from, long head) {
        List<EventKeys> submitted = append.keys();
        if (submitted.isEmpty()) {
            return 0;
        }
        for (EventKeys k : submitted) {
            if (k.uuid() == null) {
                return 0;
            }
        }
        long position = firstMatch;
        for (int i = 0; i < submitted.size(); i++) {
            if (position == PostingCursor.NONE) {
                return 0;
            }
            String stored = uuidAt(store.batch(), position);
            if (!submitted.get(i).uuid().equals(stored)) {
                return 0;
            }
            if (i == submitted.size() - 1) {
                return position;
            }
            position = position < head ? matcher.next(position + 1, from, head) : PostingCursor.NONE;
        }
        return 0;
    }

    private String uuidAt(WriterBatch batch, long position) {
        PendingEvent pending = batch.pending(position);
        if (pending != null) {
            return pending.keys().uuid();
        }
        return store.loader().load(position, batch.committedHead()).keys().uuid();
    }

    private EventRecord record(WriterBatch batch, long position) {
        PendingEvent pending = batch.pending(position);
        return pending != null ? pending.record() : store.loader().load(position, batch.committedHead());
    }

    private void checkTracking(WriterBatch batch, TrackingInfo tracking) throws DcbRejection {
        Long previous = batch.pendingTracking(tracking.source());
        if (previous == null) {
            Optional<byte[]> stored = store.index().get(IndexKeys.tracking(tracking.source()));
            previous = stored.map(v -> LedgerKeys.getLong(v, 0)).orElse(null);
        }
        if (previous != null && Long.compareUnsigned(tracking.position(), previous) <= 0) {
            throw new DcbRejection(DcbException.conditionFailed("non-increasing tracking position for source '"
                    + tracking.source() + "': " + tracking.positionText() + " <= "
                    + Long.toUnsignedString(previous)));
        }
    }
}
