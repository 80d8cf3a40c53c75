package io.veridb.events;

import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.Ledger;
import io.veridb.ledger.SecondaryIndexReader;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads committed event records: from the {@link RecordCache}, else from the ledger (the location comes from the
 * index; the ledger checks {@code H(value)} against the entry's hValue). Misses load a whole cache chunk, one
 * ledger read per transaction. Thread-safe.
 */
final class RecordLoader {
    private final Ledger ledger;
    private final SecondaryIndexReader index;
    private final RecordCache cache;

    RecordLoader(Ledger ledger, SecondaryIndexReader index, RecordCache cache) {
        this.ledger = ledger;
        this.index = index;
        this.cache = cache;
    }

    RecordCache cache() {
        return cache;
    }

    /**
     * The record at a committed position {@code <= head}.
     *
     * @throws DcbException CORRUPTION when the index or the log is damaged
     */
    EventRecord load(long position, long head) {
        RecordCache.Chunk chunk = cache.chunk(position);
        EventRecord r = chunk == null ? null : chunk.get(position);
        if (r != null) {
            return r;
        }
        loadChunk(position, head);
        chunk = cache.chunk(position);
        r = chunk == null ? null : chunk.get(position);
        return r != null ? r : loadOne(position);
    }

    /** Where the event lives: {txId, entryIndex}. */
    long[] locate(long position) {
        byte[] value = index.get(IndexKeys.location(position)).orElseThrow(() -> DcbException.corruption(
                "no index location for position " + position, null));
        return new long[] {IndexKeys.locationTx(value), IndexKeys.locationEntry(value)};
    }

    private EventRecord loadOne(long position) {
        long[] at = locate(position);
        try {
            return parse(position, ledger.value(at[0], (int) at[1]));
        } catch (IOException e) {
            throw DcbException.corruption("cannot read event " + position + " (tx " + at[0] + ", entry " + at[1]
                    + "): " + e.getMessage(), e);
        }
    }

    private void loadChunk(long position, long head) {
        long first = Math.max(1, RecordCache.chunkOf(position) << RecordCache.CHUNK_BITS);
        long last = Math.min(head, first + RecordCache.CHUNK - 1);
        List<long[]> locations = new ArrayList<>();
        index.forEach(IndexKeys.location(first), IndexKeys.location(last + 1), false, r -> {
            byte[] v = r.value();
            locations.add(new long[] {IndexKeys.postingPosition(r.key()), IndexKeys.locationTx(v),
                IndexKeys.locationEntry(v)});
            return true;
        });
        try {
            int i = 0;
            while (i < locations.size()) {
                long txId = locations.get(i)[1];
                int j = i;
                while (j < locations.size() && locations.get(j)[1] == txId) {
                    j++;
                }
                loadTx(txId, locations.subList(i, j));
                i = j;
            }
        } catch (IOException e) {
            throw DcbException.corruption("cannot read events " + first + ".." + last + ": " + e.getMessage(), e);
        }
    }

    private void loadTx(long txId, List<long[]> wanted) throws IOException {
        if (wanted.size() == 1) {
            long[] w = wanted.get(0);
            cache.put(w[0], parse(w[0], ledger.value(txId, (int) w[2])));
            return;
        }
        List<EntrySpec> entries = ledger.entries(txId);
        for (long[] w : wanted) {
            cache.put(w[0], parse(w[0], entries.get((int) w[2]).value()));
        }
    }

    private static EventRecord parse(long position, byte[] value) {
        try {
            return EventRecord.parse(value);
        } catch (IllegalArgumentException e) {
            throw DcbException.corruption("event " + position + ": " + e.getMessage(), e);
        }
    }
}
