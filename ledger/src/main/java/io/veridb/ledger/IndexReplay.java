package io.veridb.ledger;

import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Catches the key index and each secondary index up with the log at open: replays, in commit order, every
 * transaction an index has not seen (after a crash lost RocksDB memtables, or when a secondary index is new).
 */
final class IndexReplay {

    private static final Logger LOG = LoggerFactory.getLogger(IndexReplay.class);
    private static final int TXS_PER_WRITE = 4096;

    /** The index holds transactions the log does not: the log was cut below it. */
    static final class IndexAheadException extends IOException {
        private static final long serialVersionUID = 1L;

        IndexAheadException(String message) {
            super(message);
        }
    }

    private IndexReplay() {}

    static void catchUp(LogStore store, RocksIndex rocks, List<SecondaryIndex> secondaries, long lastTxId)
            throws IOException {
        long keyMark = rocks.indexedTxId();
        Map<String, Long> marks = new HashMap<>();
        long from = keyMark;
        for (SecondaryIndex s : secondaries) {
            long m = rocks.secondaryIndexedTxId(s.name());
            marks.put(s.name(), m);
            from = Math.min(from, m);
        }
        long ahead = Math.max(keyMark, marks.values().stream().mapToLong(Long::longValue).max().orElse(0));
        if (ahead > lastTxId) {
            throw new IndexAheadException("index holds transactions up to " + ahead + " but the log ends at "
                    + lastTxId);
        }
        if (from >= lastTxId) {
            return;
        }
        LOG.info("replaying transactions {}..{} into the index", from + 1, lastTxId);
        try (IndexBatch batch = new IndexBatch(rocks, secondaries)) {
            long since = 0;
            for (long id = from + 1; id <= lastTxId; id++) {
                TxRecord r = store.record(id);
                if (id > keyMark) {
                    batch.addAll(id, r.entries(), null);
                }
                Set<String> need = new HashSet<>();
                List<String> names = new ArrayList<>(marks.keySet());
                for (String n : names) {
                    if (marks.get(n) < id) {
                        need.add(n);
                    }
                }
                if (!need.isEmpty()) {
                    batch.addSecondary(id, store.entriesWithValues(id, r), need::contains);
                }
                if (++since >= TXS_PER_WRITE || id == lastTxId) {
                    Map<String, Long> done = new HashMap<>();
                    for (String n : need) {
                        done.put(n, id);
                    }
                    batch.mark(Math.max(keyMark, id), done);
                    batch.commit();
                    for (String n : need) {
                        marks.put(n, id);
                    }
                    since = 0;
                }
            }
        }
    }
}
