package io.veridb.ledger;

import io.veridb.proofs.KvMetadata;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;

/**
 * Index updates for a run of transactions, staged in one RocksDB write batch with an in-memory overlay of the
 * newest version of each key touched (so revisions count across the run, and pending reads see it). Used by the
 * writer thread for a group commit and by recovery for replay. Not thread-safe.
 */
final class IndexBatch implements AutoCloseable {

    private final RocksIndex index;
    private final List<SecondaryIndex> secondaries;
    private final Map<ByteKey, KeyVersion> overlay = new HashMap<>();
    private WriteBatch wb = new WriteBatch();

    IndexBatch(RocksIndex index, List<SecondaryIndex> secondaries) {
        this.index = index;
        this.secondaries = secondaries;
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
        return stage(key, txId, entryIndex, md, latest(key).orElse(null));
    }

    /**
     * Stages every entry of transaction {@code txId} (skipping non-indexable ones), looking the previous versions
     * up with one multi-get.
     */
    void addAll(long txId, List<TxEntry> entries) throws IOException {
        List<byte[]> missing = new java.util.ArrayList<>();
        for (TxEntry e : entries) {
            if (!e.metadata().nonIndexable() && !overlay.containsKey(new ByteKey(e.rawKey()))) {
                missing.add(e.rawKey());
            }
        }
        Map<ByteKey, KeyVersion> found = new HashMap<>();
        if (!missing.isEmpty()) {
            List<byte[]> values;
            try {
                values = index.db().multiGetAsList(java.util.Collections.nCopies(missing.size(), index.latestCf()),
                        missing);
            } catch (RocksDBException e) {
                throw new IOException("key index read failed: " + e.getMessage(), e);
            }
            for (int i = 0; i < missing.size(); i++) {
                if (values.get(i) != null) {
                    found.put(new ByteKey(missing.get(i)), IndexCodec.decodeLatest(missing.get(i), values.get(i)));
                }
            }
        }
        for (int i = 0; i < entries.size(); i++) {
            TxEntry e = entries.get(i);
            if (e.metadata().nonIndexable()) {
                continue;
            }
            ByteKey k = new ByteKey(e.rawKey());
            KeyVersion prev = overlay.get(k);
            if (prev == null) {
                prev = found.get(k);
            }
            stage(e.rawKey(), txId, i, e.metadata(), prev);
        }
    }

    private KeyVersion stage(byte[] key, long txId, int entryIndex, KvMetadata md, KeyVersion prev)
            throws IOException {
        KeyVersion v = new KeyVersion(key, txId, entryIndex, prev == null ? 1 : prev.revision() + 1, md);
        try {
            if (prev != null) {
                wb.put(index.historyCf(), IndexCodec.historyKey(key, prev.revision()), IndexCodec.historyValue(prev));
            }
            wb.put(index.latestCf(), key, IndexCodec.latestValue(v));
        } catch (RocksDBException e) {
            throw new IOException("staging index write failed: " + e.getMessage(), e);
        }
        overlay.put(new ByteKey(v.rawKey()), v);
        return v;
    }

    /** Runs every secondary index in {@code only} (or all when null) on transaction {@code txId}. */
    void addSecondary(long txId, List<EntrySpec> entries, java.util.function.Predicate<String> only) {
        for (SecondaryIndex s : secondaries) {
            if (only == null || only.test(s.name())) {
                s.onCommit(txId, entries, writerFor(index.secondaryCf(s.name())));
            }
        }
    }

    private IndexWriter writerFor(ColumnFamilyHandle cf) {
        return new IndexWriter() {
            @Override
            public void put(byte[] key, byte[] value) {
                try {
                    wb.put(cf, key.clone(), value.clone());
                } catch (RocksDBException e) {
                    throw new IllegalStateException("staging secondary index write failed: " + e.getMessage(), e);
                }
            }

            @Override
            public void delete(byte[] key) {
                try {
                    wb.delete(cf, key.clone());
                } catch (RocksDBException e) {
                    throw new IllegalStateException("staging secondary index delete failed: " + e.getMessage(), e);
                }
            }
        };
    }

    /** Stages the markers: the key index and the given secondaries now hold transactions up to {@code txId}. */
    void mark(long keyIndexTxId, Map<String, Long> secondaryTxIds) throws IOException {
        try {
            if (keyIndexTxId > 0) {
                wb.put(index.defaultCf(), IndexCodec.MARKER, IndexCodec.u64(keyIndexTxId));
            }
            for (Map.Entry<String, Long> e : secondaryTxIds.entrySet()) {
                wb.put(index.defaultCf(), IndexCodec.secondaryMarker(e.getKey()), IndexCodec.u64(e.getValue()));
            }
        } catch (RocksDBException e) {
            throw new IOException("staging index marker failed: " + e.getMessage(), e);
        }
    }

    int stagedCount() {
        return wb.count();
    }

    /** Applies everything staged and starts over. */
    void commit() throws IOException {
        index.write(wb);
        wb.close();
        wb = new WriteBatch();
        overlay.clear();
    }

    @Override
    public void close() {
        wb.close();
    }
}
