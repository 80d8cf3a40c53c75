package io.veridb.events;

import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.IndexWriter;
import io.veridb.ledger.SecondaryIndex;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The event model's secondary index ({@link IndexKeys} layout): event locations, tag and type posting lists and
 * the latest tracking position per source. Entries without the {@code 0x04} prefix cost one byte comparison.
 *
 * <p>The records written are a pure function of {@code (txId, entries)}, as the ledger requires for replay. Two
 * side effects serve the live store and are safe to lose: {@link #writerHead()} (the last indexed position, read
 * by the writer thread when it prepares the next batch) and the hand-off of fresh records to a
 * {@link RecordCache}.
 */
final class EventIndex implements SecondaryIndex {
    private static final Logger LOG = LoggerFactory.getLogger(EventIndex.class);
    static final String NAME = "dcb-events";
    private static final byte[] EMPTY = new byte[0];

    private volatile long writerHead;
    private volatile RecordCache cache;

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void onCommit(long txId, List<EntrySpec> entries, IndexWriter out) {
        for (int i = 0; i < entries.size(); i++) {
            EntrySpec entry = entries.get(i);
            byte[] key = entry.key();
            if (key.length < 2 || key[0] != LedgerKeys.PREFIX) {
                continue;
            }
            if (LedgerKeys.isEventKey(key)) {
                indexEvent(txId, i, LedgerKeys.positionOf(key), entry.value(), out);
            } else if (LedgerKeys.isTrackingKey(key)) {
                long position = LedgerKeys.trackingPosition(entry.value());
                out.put(IndexKeys.tracking(LedgerKeys.sourceOf(key)), IndexKeys.position(position));
            }
        }
    }

    private void indexEvent(long txId, int entryIndex, long position, byte[] value, IndexWriter out) {
        out.put(IndexKeys.location(position), IndexKeys.locationValue(txId, entryIndex));
        EventRecord record;
        try {
            record = EventRecord.parse(value);
            record.keys();
        } catch (IllegalArgumentException e) {
            // Only this model writes 0x04 keys, so this is damage; reads of this position report it.
            LOG.error("unreadable event record at position {} (tx {}, entry {}): {}", position, txId, entryIndex,
                    e.getMessage());
            return;
        }
        EventKeys keys = record.keys();
        out.put(IndexKeys.posting(IndexKeys.postingPrefix(PostingKind.TYPE, keys.type()), position), EMPTY);
        Set<String> seen = keys.tags().size() > 1 ? new HashSet<>() : null;
        for (String tag : keys.tags()) {
            if (seen == null || seen.add(tag)) {
                out.put(IndexKeys.posting(IndexKeys.postingPrefix(PostingKind.TAG, tag), position), EMPTY);
            }
        }
        if (position > writerHead) {
            writerHead = position;
        }
        RecordCache c = cache;
        if (c != null) {
            c.put(position, record);
        }
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
