package io.veridb.ledger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.rocksdb.ReadOptions;
import org.rocksdb.RocksIterator;
import org.rocksdb.Slice;

/** {@link KeyIndex} over {@link RocksIndex} (layout in {@link IndexCodec}). */
final class RocksKeyIndex implements KeyIndex {

    private final RocksIndex index;

    RocksKeyIndex(RocksIndex index) {
        this.index = index;
    }

    @Override
    public long indexedTxId() {
        try {
            return index.indexedTxId();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<KeyVersion> latest(byte[] key) {
        byte[] raw = get(index, key);
        return raw == null ? Optional.empty() : Optional.of(IndexCodec.decodeLatest(key, raw));
    }

    private static byte[] get(RocksIndex index, byte[] key) {
        try {
            return index.get(index.latestCf(), key);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Optional<KeyVersion> older(byte[] key, long revision) {
        try {
            byte[] raw = index.get(index.historyCf(), IndexCodec.historyKey(key, revision));
            return raw == null ? Optional.empty() : Optional.of(IndexCodec.decodeHistory(key, revision, raw));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Optional<KeyVersion> asOf(byte[] key, long txId) {
        Optional<KeyVersion> last = latest(key);
        if (last.isEmpty() || last.get().txId() <= txId) {
            return last;
        }
        // Revisions 1 … latest−1 live in history with increasing txIds: binary search the last one <= txId.
        long lo = 1;
        long hi = last.get().revision() - 1;
        KeyVersion found = null;
        while (lo <= hi) {
            long mid = (lo + hi) >>> 1;
            KeyVersion v = older(key, mid).orElseThrow(() -> new IllegalStateException(
                    "key index history misses " + Kv.kv("key", key, "revision", mid)));
            if (v.txId() <= txId) {
                found = v;
                lo = mid + 1;
            } else {
                hi = mid - 1;
            }
        }
        return Optional.ofNullable(found);
    }

    @Override
    public Optional<KeyVersion> atRevision(byte[] key, long revision) {
        Optional<KeyVersion> last = latest(key);
        if (last.isEmpty()) {
            return last;
        }
        long r = last.get().revision();
        long target = revision > 0 ? revision : r + revision;
        if (target < 1 || target > r) {
            return Optional.empty();
        }
        return target == r ? last : older(key, target);
    }

    @Override
    public List<KeyVersion> history(byte[] key, long offset, int limit, boolean desc) {
        if (offset < 0) {
            throw new IllegalArgumentException("offset=" + offset + ", want >= 0");
        }
        Optional<KeyVersion> last = latest(key);
        List<KeyVersion> out = new ArrayList<>();
        if (last.isEmpty()) {
            return out;
        }
        long r = last.get().revision();
        long count = Math.max(0, r - offset);
        if (limit > 0) {
            count = Math.min(count, limit);
        }
        if (count == 0) {
            return out;
        }
        long from = desc ? r - offset - count + 1 : offset + 1;
        long to = from + count - 1;
        long histTo = Math.min(to, r - 1);
        if (from <= histTo) {
            try (ReadOptions ro = new ReadOptions();
                    RocksIterator it = index.db().newIterator(index.historyCf(), ro)) {
                it.seek(IndexCodec.historyKey(key, from));
                for (long rev = from; rev <= histTo; rev++, it.next()) {
                    byte[] hk = IndexCodec.historyKey(key, rev);
                    if (!it.isValid() || !Arrays.equals(it.key(), hk)) {
                        throw new IllegalStateException("key index history misses "
                                + Kv.kv("key", key, "revision", rev));
                    }
                    out.add(IndexCodec.decodeHistory(key, rev, it.value()));
                }
            }
        }
        if (to == r) {
            out.add(last.get());
        }
        if (desc) {
            java.util.Collections.reverse(out);
        }
        return out;
    }

    @Override
    public List<KeyVersion> scan(ScanSpec spec) {
        return scan(spec, v -> true);
    }

    @Override
    public List<KeyVersion> scan(ScanSpec spec, Predicate<KeyVersion> filter) {
        List<KeyVersion> out = new ArrayList<>();
        long[] skip = {spec.offset()};
        walk(spec, v -> {
            if (!filter.test(v)) {
                return true;
            }
            if (skip[0] > 0) {
                skip[0]--;
                return true;
            }
            out.add(v);
            return spec.limit() == 0 || out.size() < spec.limit();
        });
        return out;
    }

    @Override
    public long count(byte[] prefix) {
        long[] n = {0};
        walk(ScanSpec.prefix(prefix), v -> {
            n[0]++;
            return true;
        });
        return n[0];
    }

    /** Visits latest versions selected by {@code spec} (ignoring offset and limit) until {@code visitor} says stop. */
    private void walk(ScanSpec spec, Predicate<KeyVersion> visitor) {
        byte[] prefix = spec.prefix();
        byte[] seek = spec.seekKey();
        byte[] end = spec.endKey();
        byte[] prefixEnd = IndexCodec.prefixEnd(prefix);
        try (ReadOptions ro = new ReadOptions();
                RocksIterator it = index.db().newIterator(index.latestCf(), ro)) {
            if (!spec.desc()) {
                byte[] start = seek.length > 0 && Arrays.compareUnsigned(seek, prefix) > 0 ? seek : prefix;
                it.seek(start);
                if (it.isValid() && !spec.inclusiveSeek() && seek.length > 0 && Arrays.equals(it.key(), seek)) {
                    it.next();
                }
                for (; it.isValid(); it.next()) {
                    byte[] k = it.key();
                    if (!IndexCodec.startsWith(k, prefix)) {
                        return;
                    }
                    if (end.length > 0) {
                        int c = Arrays.compareUnsigned(k, end);
                        if (c > 0 || c == 0 && !spec.inclusiveEnd()) {
                            return;
                        }
                    }
                    if (!visitor.test(IndexCodec.decodeLatest(k, it.value()))) {
                        return;
                    }
                }
            } else {
                boolean seekSet = seek.length > 0 && (prefixEnd == null || Arrays.compareUnsigned(seek, prefixEnd) < 0);
                if (seekSet) {
                    it.seekForPrev(seek);
                    if (it.isValid() && !spec.inclusiveSeek() && Arrays.equals(it.key(), seek)) {
                        it.prev();
                    }
                } else if (prefixEnd != null) {
                    it.seekForPrev(prefixEnd);
                    if (it.isValid() && Arrays.equals(it.key(), prefixEnd)) {
                        it.prev();
                    }
                } else {
                    it.seekToLast();
                }
                for (; it.isValid(); it.prev()) {
                    byte[] k = it.key();
                    if (!IndexCodec.startsWith(k, prefix)) {
                        return;
                    }
                    if (end.length > 0) {
                        int c = Arrays.compareUnsigned(k, end);
                        if (c < 0 || c == 0 && !spec.inclusiveEnd()) {
                            return;
                        }
                    }
                    if (!visitor.test(IndexCodec.decodeLatest(k, it.value()))) {
                        return;
                    }
                }
            }
        }
    }

    /** Reads one secondary index's column family. */
    static final class Secondary implements SecondaryIndexReader {
        private final RocksIndex index;
        private final org.rocksdb.ColumnFamilyHandle cf;

        Secondary(RocksIndex index, String name) {
            this.index = index;
            this.cf = index.secondaryCf(name);
        }

        @Override
        public Optional<byte[]> get(byte[] key) {
            try {
                return Optional.ofNullable(index.get(cf, key));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        @Override
        public boolean forEach(byte[] from, byte[] to, boolean reverse, Predicate<IndexRecord> visitor) {
            try (ReadOptions ro = new ReadOptions();
                    Slice lower = from == null ? null : new Slice(from);
                    Slice upper = to == null ? null : new Slice(to)) {
                if (lower != null) {
                    ro.setIterateLowerBound(lower);
                }
                if (upper != null) {
                    ro.setIterateUpperBound(upper);
                }
                try (RocksIterator it = index.db().newIterator(cf, ro)) {
                    if (reverse) {
                        it.seekToLast();
                    } else {
                        it.seekToFirst();
                    }
                    for (; it.isValid(); ) {
                        if (!visitor.test(new IndexRecord(it.key(), it.value()))) {
                            return false;
                        }
                        if (reverse) {
                            it.prev();
                        } else {
                            it.next();
                        }
                    }
                    return true;
                }
            }
        }

        @Override
        public List<IndexRecord> scan(byte[] from, byte[] to, boolean reverse, int limit) {
            List<IndexRecord> out = new ArrayList<>();
            forEach(from, to, reverse, r -> {
                out.add(r);
                return limit <= 0 || out.size() < limit;
            });
            return out;
        }
    }
}
