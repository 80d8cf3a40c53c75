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
        long[][] found = {null};
        index.forEach(IndexKeys.location(position), IndexKeys.location(-1L), false, r -> {
            byte[] v = r.value();
            long last = IndexKeys.lastPosition(r.key());
            long first = last - IndexKeys.locationCount(v) + 1;
            if (position >= first) {
                found[0] = new long[] {IndexKeys.locationTx(v), IndexKeys.locationFirstEntry(v) + (position - first)};
            }
            return false;
        });
        if (found[0] == null) {
            throw DcbException.corruption("no index location for position " + position, null);
        }
        return found[0];
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

    /** Loads positions {@code first..last} of the chunk holding {@code position}, one ledger read per tx. */
    private void loadChunk(long position, long head) {
        long first = Math.max(1, RecordCache.chunkOf(position) << RecordCache.CHUNK_BITS);
        long last = Math.min(head, first + RecordCache.CHUNK - 1);
        List<long[]> runs = new ArrayList<>();
        index.forEach(IndexKeys.location(first), IndexKeys.location(-1L), false, r -> {
            byte[] v = r.value();
            long rowLast = IndexKeys.lastPosition(r.key());
            long rowFirst = rowLast - IndexKeys.locationCount(v) + 1;
            if (rowFirst > last) {
                return false;
            }
            runs.add(new long[] {rowFirst, rowLast, IndexKeys.locationTx(v), IndexKeys.locationFirstEntry(v)});
            return rowLast < last;
        });
        try {
            for (long[] run : runs) {
                long from = Math.max(first, run[0]);
                long to = Math.min(last, run[1]);
                loadRun(run[2], (int) run[3], run[0], from, to);
            }
        } catch (IOException e) {
            throw DcbException.corruption("cannot read events " + first + ".." + last + ": " + e.getMessage(), e);
        }
    }

    /** Positions {@code from..to} of a tx whose events start at entry {@code firstEntry} with position {@code base}. */
    private void loadRun(long txId, int firstEntry, long base, long from, long to) throws IOException {
        if (from == to) {
            cache.put(from, parse(from, ledger.value(txId, (int) (firstEntry + from - base))));
            return;
        }
        List<EntrySpec> entries = ledger.entries(txId);
        for (long p = from; p <= to; p++) {
            cache.put(p, parse(p, entries.get((int) (firstEntry + p - base)).value()));
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
