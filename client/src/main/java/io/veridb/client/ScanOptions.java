package io.veridb.client;

import java.util.Arrays;
import java.util.Objects;

/**
 * What {@link VeriClient#scan(ScanOptions)} returns: keys in lexicographic order of their bytes.
 *
 * @param prefix only keys with this prefix (empty = all keys)
 * @param seekKey start at this key (empty = at the first key in scan order)
 * @param endKey stop at this key (empty = no end)
 * @param inclusiveSeek include {@code seekKey} itself
 * @param inclusiveEnd include {@code endKey} itself
 * @param desc descending order
 * @param limit total number of entries to return, 0 = all
 * @param sinceTx wait until the index covers this transaction (0 = the last committed one)
 * @param pageSize entries per server call, 1…{@value VeriClient#MAX_PAGE_SIZE}
 */
public record ScanOptions(
        byte[] prefix, byte[] seekKey, byte[] endKey, boolean inclusiveSeek, boolean inclusiveEnd, boolean desc,
        long limit, long sinceTx, int pageSize) {

    /** Default entries per server call. */
    public static final int DEFAULT_PAGE_SIZE = 1000;

    public ScanOptions {
        prefix = Bytes.copy("prefix", prefix);
        seekKey = Bytes.copy("seekKey", seekKey);
        endKey = Bytes.copy("endKey", endKey);
        if (limit < 0 || sinceTx < 0) {
            throw new IllegalArgumentException("limit=" + limit + " sinceTx=" + sinceTx + ", want both >= 0");
        }
        if (pageSize < 1 || pageSize > VeriClient.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "pageSize=" + pageSize + ", want 1.." + VeriClient.MAX_PAGE_SIZE);
        }
    }

    /** Every key, ascending. */
    public static ScanOptions all() {
        return new ScanOptions(Bytes.EMPTY, Bytes.EMPTY, Bytes.EMPTY, false, false, false, 0, 0, DEFAULT_PAGE_SIZE);
    }

    /** Keys with {@code prefix}, ascending. */
    public static ScanOptions prefix(byte[] prefix) {
        return all().withPrefix(prefix);
    }

    public ScanOptions withPrefix(byte[] p) {
        return new ScanOptions(p, seekKey, endKey, inclusiveSeek, inclusiveEnd, desc, limit, sinceTx, pageSize);
    }

    public ScanOptions withSeek(byte[] key, boolean inclusive) {
        return new ScanOptions(prefix, key, endKey, inclusive, inclusiveEnd, desc, limit, sinceTx, pageSize);
    }

    public ScanOptions withEnd(byte[] key, boolean inclusive) {
        return new ScanOptions(prefix, seekKey, key, inclusiveSeek, inclusive, desc, limit, sinceTx, pageSize);
    }

    public ScanOptions withDesc(boolean d) {
        return new ScanOptions(prefix, seekKey, endKey, inclusiveSeek, inclusiveEnd, d, limit, sinceTx, pageSize);
    }

    public ScanOptions withLimit(long l) {
        return new ScanOptions(prefix, seekKey, endKey, inclusiveSeek, inclusiveEnd, desc, l, sinceTx, pageSize);
    }

    public ScanOptions withSinceTx(long tx) {
        return new ScanOptions(prefix, seekKey, endKey, inclusiveSeek, inclusiveEnd, desc, limit, tx, pageSize);
    }

    public ScanOptions withPageSize(int n) {
        return new ScanOptions(prefix, seekKey, endKey, inclusiveSeek, inclusiveEnd, desc, limit, sinceTx, n);
    }

    @Override
    public byte[] prefix() {
        return prefix.clone();
    }

    @Override
    public byte[] seekKey() {
        return seekKey.clone();
    }

    @Override
    public byte[] endKey() {
        return endKey.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ScanOptions s && Arrays.equals(prefix, s.prefix) && Arrays.equals(seekKey, s.seekKey)
                && Arrays.equals(endKey, s.endKey) && inclusiveSeek == s.inclusiveSeek
                && inclusiveEnd == s.inclusiveEnd && desc == s.desc && limit == s.limit && sinceTx == s.sinceTx
                && pageSize == s.pageSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(prefix), Arrays.hashCode(seekKey), Arrays.hashCode(endKey),
                inclusiveSeek, inclusiveEnd, desc, limit, sinceTx, pageSize);
    }

    @Override
    public String toString() {
        return "ScanOptions[prefix=" + Bytes.brief(prefix) + " seekKey=" + Bytes.brief(seekKey) + " endKey="
                + Bytes.brief(endKey) + " inclusiveSeek=" + inclusiveSeek + " inclusiveEnd=" + inclusiveEnd
                + " desc=" + desc + " limit=" + limit + " sinceTx=" + sinceTx + " pageSize=" + pageSize + "]";
    }
}
