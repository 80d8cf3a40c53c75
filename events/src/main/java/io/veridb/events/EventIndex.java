package io.veridb.events;

import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.IndexWriter;
import io.veridb.ledger.SecondaryIndex;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event model's secondary index ({@link IndexKeys} layout): per transaction, one location row and one posting
 * row per distinct tag and type, plus the latest tracking position per source. Entries without the {@code 0x04}
 * prefix cost one byte comparison.
 *
 * <p>The records written are a pure function of {@code (txId, entries)}, as the ledger requires for replay. Two
 * side effects serve the live store and are safe to lose: {@link #writerHead()} (the last indexed position, read
 * by the writer thread when it prepares the next batch) and the hand-off of fresh records to a
 * {@link RecordCache}.
 *
 * <p>On the live path the writer thread has just prepared these entries ({@link #prepared}), so their records are
 * taken from the preparer instead of parsed again; replay after a crash parses them.
 */
final class EventIndex implements SecondaryIndex {
    static final String NAME = "dcb-events";
    private static final Logger LOG = LoggerFactory.getLogger(EventIndex.class);

    /** Names remembered by {@link #lastPositions()}, per kind. */
    static final int LAST_POSITIONS = 1 << 16;

    private final LastPositions lastPositions = new LastPositions(LAST_POSITIONS);
    /** Events of prepared, not yet indexed transactions, by the identity of their first entry. Writer thread. */
    private final Map<EntrySpec, List<PendingEvent>> prepared = new IdentityHashMap<>();
    private volatile long writerHead;
    private volatile RecordCache cache;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onCommit(long txId, List<EntrySpec> entries, IndexWriter out) {
        List<PendingEvent> known = prepared.isEmpty() || entries.isEmpty() ? null : prepared.remove(entries.get(0));
        TxRows rows = null;
        for (int i = 0; i < entries.size(); i++) {
            EntrySpec entry = entries.get(i);
            if (known != null && i < known.size()) {
                if (rows == null) {
                    rows = new TxRows(txId);
                }
                PendingEvent e = known.get(i);
                addEvent(rows, i, e.position(), e.record(), e.keys(), out);
                continue;
            }
            byte[] key = entry.key();
            if (key.length < 2 || key[0] != LedgerKeys.PREFIX) {
                continue;
            }
            if (LedgerKeys.isEventKey(key)) {
                if (rows == null) {
                    rows = new TxRows(txId);
                }
                parseEvent(rows, i, LedgerKeys.positionOf(key), entry.value(), out);
            } else if (LedgerKeys.isTrackingKey(key)) {
                long position = LedgerKeys.trackingPosition(entry.value());
                out.put(IndexKeys.tracking(LedgerKeys.sourceOf(key)), IndexKeys.position(position));
            }
        }
        if (rows != null) {
            rows.write(out);
            rows.remember(lastPositions);
        }
    }

    /**
     * Hands over the events of a transaction the writer thread just prepared: {@code entries} starts with one
     * entry per event, in order ({@code events.get(i)} is entry {@code i}); a tracking entry may follow.
     */
    void prepared(List<EntrySpec> entries, List<PendingEvent> events) {
        if (!events.isEmpty()) {
            prepared.put(entries.get(0), events);
        }
    }

    /** Drops hand-overs of transactions the ledger did not commit (called when a new batch starts). */
    void forgetPrepared() {
        prepared.clear();
    }

    private void parseEvent(TxRows rows, int entryIndex, long position, byte[] value, IndexWriter out) {
        EventRecord record;
        EventKeys keys;
        try {
            record = EventRecord.parse(value);
            keys = record.keys();
        } catch (IllegalArgumentException e) {
            // Only this model writes 0x04 keys, so this is damage; reads of this position report it.
            LOG.error("unreadable event record at position {} (tx {}, entry {}): {}", position, rows.txId,
                    entryIndex, e.getMessage());
            return;
        }
        addEvent(rows, entryIndex, position, record, keys, out);
    }

    private void addEvent(TxRows rows, int entryIndex, long position, EventRecord record, EventKeys keys,
            IndexWriter out) {
        rows.add(entryIndex, position, keys, out);
        if (position > writerHead) {
            writerHead = position;
        }
        RecordCache c = cache;
        if (c != null) {
            c.put(position, record);
        }
    }

    /** The rows of one transaction, written when all its entries are seen. */
    private static final class TxRows {
        final long txId;
        final Map<String, LongList> types = new LinkedHashMap<>(4);
        final Map<String, LongList> tags = new LinkedHashMap<>(8);
        long runFirst = -1;
        long runLast;
        int runFirstEntry;

        TxRows(long txId) {
            this.txId = txId;
        }

        void add(int entryIndex, long position, EventKeys keys, IndexWriter out) {
            int count = (int) (runLast - runFirst + 1);
            if (runFirst >= 0 && (position != runLast + 1 || entryIndex != runFirstEntry + count)) {
                writeRun(out);
            }
            if (runFirst < 0) {
                runFirst = position;
                runFirstEntry = entryIndex;
            }
            runLast = position;
            types.computeIfAbsent(keys.type(), k -> new LongList()).addIfNew(position);
            for (String tag : keys.tags()) {
                tags.computeIfAbsent(tag, k -> new LongList()).addIfNew(position);
            }
        }

        private void writeRun(IndexWriter out) {
            out.put(IndexKeys.location(runLast),
                    IndexKeys.locationValue(txId, runFirstEntry, (int) (runLast - runFirst + 1)));
            runFirst = -1;
        }

        void remember(LastPositions last) {
            types.forEach((name, list) -> last.record(PostingKind.TYPE, name, list.last()));
            tags.forEach((name, list) -> last.record(PostingKind.TAG, name, list.last()));
        }

        void write(IndexWriter out) {
            if (runFirst >= 0) {
                writeRun(out);
            }
            writePostings(PostingKind.TYPE, types, out);
            writePostings(PostingKind.TAG, tags, out);
        }

        private static void writePostings(PostingKind kind, Map<String, LongList> lists, IndexWriter out) {
            for (Map.Entry<String, LongList> e : lists.entrySet()) {
                LongList list = e.getValue();
                out.put(IndexKeys.posting(IndexKeys.postingPrefix(kind, e.getKey()), list.last()),
                        PostingRow.encode(list.values, list.size));
            }
        }
    }

    /** Last positions of recent names; read and written on the writer thread only. */
    LastPositions lastPositions() {
        return lastPositions;
    }

    /** The highest position indexed so far in this process (0 until the first event is indexed). */
    long writerHead() {
        return writerHead;
    }

    /** Raises the head to a value found in the index at open. */
    void raiseWriterHead(long head) {
        if (head > writerHead) {
            writerHead = head;
        }
    }

    void attachCache(RecordCache c) {
        this.cache = c;
    }
}
