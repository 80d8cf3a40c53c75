package io.veridb.ledger;

import io.veridb.proofs.KvMetadata;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Index updates for a run of transactions, staged in memory with an overlay of the newest version of each key
 * touched (so revisions count across the run, and pending reads see it), and applied in one RocksDB write. Used by
 * the writer thread for a group commit and by recovery for replay. Not thread-safe.
 *
 * <p>The write is built as one serialized batch ({@link WriteBatchRep}): one {@code latest} put per key (the
 * overlay's final version; earlier versions of the run go to {@code history}), sorted by key, then the
 * {@code history} puts sorted by key, then secondary-index writes and markers in the order they were staged.
 * Sorted inserts are what RocksDB's skip-list memtable inserts fastest, and the whole batch crosses JNI once.
 */
final class IndexBatch implements AutoCloseable {

    private record Put(byte[] key, byte[] value) {}

    private static final java.util.Comparator<Put> BY_KEY = (a, b) -> Arrays.compareUnsigned(a.key, b.key);

    private final RocksIndex index;
    private final List<SecondaryIndex> secondaries;
    private final Map<ByteKey, KeyVersion> overlay = new HashMap<>();
    private final List<Put> history = new ArrayList<>();
    /** Secondary-index writes and markers, in staging order. */
    private final WriteBatchRep ordered = new WriteBatchRep(1 << 12);
    private final int latestCfId;
    private final int historyCfId;
    private final int defaultCfId;

    IndexBatch(RocksIndex index, List<SecondaryIndex> secondaries) {
        this.index = index;
        this.secondaries = secondaries;
        this.latestCfId = index.latestCf().getID();
        this.historyCfId = index.historyCf().getID();
        this.defaultCfId = index.defaultCf().getID();
    }

    /** The newest version of {@code key}: staged, else committed. */
    Optional<KeyVersion> latest(byte[] key) throws IOException {
        KeyVersion v = overlay.get(new ByteKey(key));
        if (v != null) {
            return Optional.of(v);
        }
        byte[] raw = index.get(index.latestCf(), key);
        return raw == null ? Optional.empty() : Optional.of(IndexCodec.decodeLatest(key, raw));
    }

    /**
     * Stages the version written by entry {@code entryIndex} of {@code txId}; entries marked non-indexable are
     * skipped. Returns the new version, or null when skipped.
     */
    KeyVersion add(byte[] key, long txId, int entryIndex, KvMetadata md) throws IOException {
        if (md.nonIndexable()) {
            return null;
        }
        return stage(new ByteKey(key), txId, entryIndex, md, latest(key).orElse(null));
    }

    /**
     * Stages every entry of transaction {@code txId} (skipping non-indexable ones), looking the previous versions
     * that are not staged already up with one multi-get.
     */
    void addAll(long txId, List<TxEntry> entries) throws IOException {
        int n = entries.size();
        ByteKey[] keys = new ByteKey[n];
        KeyVersion[] prev = new KeyVersion[n];
        List<byte[]> missing = new ArrayList<>();
        int[] missingAt = new int[n];
        for (int i = 0; i < n; i++) {
            TxEntry e = entries.get(i);
            if (e.metadata().nonIndexable()) {
                continue;
            }
            keys[i] = new ByteKey(e.rawKey());
            prev[i] = overlay.get(keys[i]);
            if (prev[i] == null) {
                missingAt[missing.size()] = i;
                missing.add(e.rawKey());
            }
        }
        if (!missing.isEmpty()) {
            List<byte[]> values;
            try {
                values = index.db().multiGetAsList(java.util.Collections.nCopies(missing.size(), index.latestCf()),
                        missing);
            } catch (RocksDBException e) {
                throw new IOException("key index read failed: " + e.getMessage(), e);
            }
            for (int j = 0; j < missing.size(); j++) {
                if (values.get(j) != null) {
                    prev[missingAt[j]] = IndexCodec.decodeLatest(missing.get(j), values.get(j));
                }
            }
        }
        for (int i = 0; i < n; i++) {
            if (keys[i] == null) {
                continue;
            }
            TxEntry e = entries.get(i);
            // a key repeated within one transaction (replayed logs are not re-validated) sees its staged version
            KeyVersion staged = overlay.get(keys[i]);
            stage(keys[i], txId, i, e.metadata(), staged != null ? staged : prev[i]);
        }
    }

    private KeyVersion stage(ByteKey key, long txId, int entryIndex, KvMetadata md, KeyVersion prev) {
        KeyVersion v = new KeyVersion(key.bytes(), txId, entryIndex, prev == null ? 1 : prev.revision() + 1, md);
        if (prev != null) {
            history.add(new Put(IndexCodec.historyKey(key.bytes(), prev.revision()), IndexCodec.historyValue(prev)));
        }
        overlay.put(key, v);
        return v;
    }

    /** Runs every secondary index in {@code only} (or all when null) on transaction {@code txId}. */
    void addSecondary(long txId, List<EntrySpec> entries, java.util.function.Predicate<String> only) {
        for (SecondaryIndex s : secondaries) {
            if (only == null || only.test(s.name())) {
                s.onCommit(txId, entries, writerFor(index.secondaryCf(s.name()).getID()));
            }
        }
    }

    private IndexWriter writerFor(int cf) {
        return new IndexWriter() {
            @Override
            public void put(byte[] key, byte[] value) {
                ordered.put(cf, key, value);
            }

            @Override
            public void delete(byte[] key) {
                ordered.delete(cf, key);
            }
        };
    }

    /** Stages the markers: the key index and the given secondaries now hold transactions up to {@code txId}. */
    void mark(long keyIndexTxId, Map<String, Long> secondaryTxIds) {
        if (keyIndexTxId > 0) {
            ordered.put(defaultCfId, IndexCodec.MARKER, IndexCodec.u64(keyIndexTxId));
        }
        for (Map.Entry<String, Long> e : secondaryTxIds.entrySet()) {
            ordered.put(defaultCfId, IndexCodec.secondaryMarker(e.getKey()), IndexCodec.u64(e.getValue()));
        }
    }

    int stagedCount() {
        return overlay.size() + history.size() + ordered.count();
    }

    /** Applies everything staged and starts over. */
    void commit() throws IOException {
        byte[] rep = serialize();
        overlay.clear();
        history.clear();
        ordered.clear();
        try (WriteBatch wb = new WriteBatch(rep)) {
            index.write(wb);
        }
    }

    /** The staged writes as one serialized RocksDB batch (see the class comment for the order). */
    private byte[] serialize() {
        KeyVersion[] latest = overlay.values().toArray(new KeyVersion[0]);
        Arrays.sort(latest, (a, b) -> Arrays.compareUnsigned(a.rawKey(), b.rawKey()));
        history.sort(BY_KEY);
        WriteBatchRep out = new WriteBatchRep(WriteBatchRep.HEADER_BYTES + latest.length * 64
                + history.size() * 64 + 64);
        for (KeyVersion v : latest) {
            out.put(latestCfId, v.rawKey(), IndexCodec.latestValue(v));
        }
        for (Put p : history) {
            out.put(historyCfId, p.key(), p.value());
        }
        out.append(ordered);
        return out.toByteArray();
    }

    @Override
    public void close() {
        overlay.clear();
        history.clear();
        ordered.clear();
    }
}
