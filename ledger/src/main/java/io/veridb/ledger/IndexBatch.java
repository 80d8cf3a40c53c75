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

    /** The newest version of a key staged in this run; mutable so a re-set key is updated in place. */
    private static final class Latest {
        final ByteKey key;
        long txId;
        int entryIndex;
        long revision;
        KvMetadata md;

        Latest(ByteKey key) {
            this.key = key;
        }

        KeyVersion version() {
            return new KeyVersion(key.bytes(), txId, entryIndex, revision, md);
        }
    }

    private final RocksIndex index;
    private final List<SecondaryIndex> secondaries;
    /** Keys that may be indexed already; null to look every key up (replay). */
    private final KnownKeys known;
    private final Map<ByteKey, Latest> overlay = new HashMap<>();
    private final List<Put> history = new ArrayList<>();
    /** Secondary-index writes and markers, in staging order. */
    private final WriteBatchRep ordered = new WriteBatchRep(1 << 12);
    /** The serialized batch; reused across commits (RocksDB copies it). */
    private final WriteBatchRep out = new WriteBatchRep(1 << 16);
    private final byte[] latestValue = new byte[IndexCodec.MAX_LATEST_VALUE];
    private final int latestCfId;
    private final int historyCfId;
    private final int defaultCfId;

    IndexBatch(RocksIndex index, List<SecondaryIndex> secondaries) {
        this(index, secondaries, null);
    }

    /** With {@code known}, keys it proves new are not looked up, and every staged key is added to it. */
    IndexBatch(RocksIndex index, List<SecondaryIndex> secondaries, KnownKeys known) {
        this.index = index;
        this.secondaries = secondaries;
        this.known = known;
        this.latestCfId = index.latestCf().getID();
        this.historyCfId = index.historyCf().getID();
        this.defaultCfId = index.defaultCf().getID();
    }

    /** The newest version of {@code key}: staged, else committed. */
    Optional<KeyVersion> latest(byte[] key) throws IOException {
        Latest v = overlay.get(new ByteKey(key));
        if (v != null) {
            return Optional.of(v.version());
        }
        byte[] raw = index.get(index.latestCf(), key);
        return raw == null ? Optional.empty() : Optional.of(IndexCodec.decodeLatest(key, raw));
    }

    /**
     * Stages every entry of transaction {@code txId} (skipping non-indexable ones), looking the previous versions
     * that are not staged already, and not proven new by {@link KnownKeys}, up with one multi-get. {@code keys} are the entries' keys as {@link ByteKey}s
     * (hashed already on the caller's thread), or null to make them here.
     */
    void addAll(long txId, List<TxEntry> entries, ByteKey[] keys) throws IOException {
        int n = entries.size();
        if (keys == null) {
            keys = new ByteKey[n];
            for (int i = 0; i < n; i++) {
                keys[i] = new ByteKey(entries.get(i).rawKey());
            }
        }
        KeyVersion[] prev = new KeyVersion[n];
        List<byte[]> missing = new ArrayList<>();
        int[] missingAt = new int[n];
        for (int i = 0; i < n; i++) {
            if (entries.get(i).metadata().nonIndexable() || overlay.containsKey(keys[i])
                    || known != null && !known.mayExist(keys[i])) {
                continue; // not indexed, staged already, or certainly new (revision 1, nothing to move)
            }
            missingAt[missing.size()] = i;
            missing.add(keys[i].bytes());
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
            TxEntry e = entries.get(i);
            if (!e.metadata().nonIndexable()) {
                stage(keys[i], txId, i, e.metadata(), prev[i]);
            }
        }
    }

    /** Stages one version; {@code committed} is the key's committed newest version, used if none is staged. */
    private void stage(ByteKey key, long txId, int entryIndex, KvMetadata md, KeyVersion committed) {
        // a key staged earlier in the run (or repeated within one replayed transaction) moves its staged version
        Latest v = overlay.get(key);
        if (v != null) {
            history.add(new Put(IndexCodec.historyKey(key.bytes(), v.revision),
                    IndexCodec.historyValue(v.txId, v.entryIndex, v.md)));
        } else {
            v = new Latest(key);
            if (known != null) {
                known.add(key);
            }
            if (committed != null) {
                history.add(new Put(IndexCodec.historyKey(key.bytes(), committed.revision()),
                        IndexCodec.historyValue(committed.txId(), committed.entryIndex(), committed.metadata())));
                v.revision = committed.revision();
            }
            overlay.put(key, v);
        }
        v.txId = txId;
        v.entryIndex = entryIndex;
        v.revision++;
        v.md = md;
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
        serialize();
        overlay.clear();
        history.clear();
        ordered.clear();
        try (WriteBatch wb = new WriteBatch(out.toByteArray())) {
            index.write(wb);
        }
    }

    /** Serializes the staged writes into {@link #out} as one RocksDB batch (order: see the class comment). */
    private void serialize() {
        Latest[] latest = overlay.values().toArray(new Latest[0]);
        KeySort.sort(latest, v -> v.key.bytes());
        Put[] moved = history.toArray(new Put[0]);
        KeySort.sort(moved, Put::key);
        out.clear();
        for (Latest v : latest) {
            int len = IndexCodec.latestValue(latestValue, v.txId, v.entryIndex, v.revision, v.md);
            out.put(latestCfId, v.key.bytes(), latestValue, len);
        }
        for (Put p : moved) {
            out.put(historyCfId, p.key(), p.value());
        }
        out.append(ordered);
    }

    @Override
    public void close() {
        overlay.clear();
        history.clear();
        ordered.clear();
    }
}
