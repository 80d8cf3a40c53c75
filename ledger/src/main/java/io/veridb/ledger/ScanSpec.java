package io.veridb.ledger;

import java.util.Arrays;

/**
 * An ordered scan over the latest versions of keys (compared as unsigned bytes).
 *
 * <ul>
 *   <li>{@code prefix}: only keys starting with it (empty: all).
 *   <li>{@code seekKey}: where to start; ascending scans start at it, descending scans start at it and go down
 *       (empty: the first / last key). {@code inclusiveSeek} says whether a key equal to it is returned.
 *   <li>{@code endKey}: where to stop; ascending scans stop above it, descending below it (empty: no bound).
 *       {@code inclusiveEnd} says whether a key equal to it is returned.
 *   <li>{@code offset} results are skipped first, then at most {@code limit} are returned ({@code 0}: no limit).
 * </ul>
 */
public record ScanSpec(
        byte[] prefix,
        byte[] seekKey,
        byte[] endKey,
        boolean inclusiveSeek,
        boolean inclusiveEnd,
        boolean desc,
        long offset,
        int limit) {

    private static final byte[] EMPTY = new byte[0];

    public ScanSpec {
        prefix = prefix == null ? EMPTY : prefix.clone();
        seekKey = seekKey == null ? EMPTY : seekKey.clone();
        endKey = endKey == null ? EMPTY : endKey.clone();
        if (offset < 0 || limit < 0) {
            throw new IllegalArgumentException(Kv.kv("offset", offset, "limit", limit) + ", want >= 0");
        }
    }

    /** All keys, ascending, no limit. */
    public static ScanSpec all() {
        return new ScanSpec(EMPTY, EMPTY, EMPTY, true, true, false, 0, 0);
    }

    /** Keys with {@code prefix}, ascending, no limit. */
    public static ScanSpec prefix(byte[] prefix) {
        return all().withPrefix(prefix);
    }

    public ScanSpec withPrefix(byte[] p) {
        return new ScanSpec(p, seekKey, endKey, inclusiveSeek, inclusiveEnd, desc, offset, limit);
    }

    public ScanSpec withSeek(byte[] key, boolean inclusive) {
        return new ScanSpec(prefix, key, endKey, inclusive, inclusiveEnd, desc, offset, limit);
    }

    public ScanSpec withEnd(byte[] key, boolean inclusive) {
        return new ScanSpec(prefix, seekKey, key, inclusiveSeek, inclusive, desc, offset, limit);
    }

    public ScanSpec withDesc(boolean d) {
        return new ScanSpec(prefix, seekKey, endKey, inclusiveSeek, inclusiveEnd, d, offset, limit);
    }

    public ScanSpec withOffset(long o) {
        return new ScanSpec(prefix, seekKey, endKey, inclusiveSeek, inclusiveEnd, desc, o, limit);
    }

    public ScanSpec withLimit(int l) {
        return new ScanSpec(prefix, seekKey, endKey, inclusiveSeek, inclusiveEnd, desc, offset, l);
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
        return o instanceof ScanSpec s && Arrays.equals(prefix, s.prefix) && Arrays.equals(seekKey, s.seekKey)
                && Arrays.equals(endKey, s.endKey) && inclusiveSeek == s.inclusiveSeek
                && inclusiveEnd == s.inclusiveEnd && desc == s.desc && offset == s.offset && limit == s.limit;
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(prefix) ^ Arrays.hashCode(seekKey) ^ Arrays.hashCode(endKey)
                ^ Long.hashCode(offset) ^ limit ^ (desc ? 1 : 0);
    }

    @Override
    public String toString() {
        return "ScanSpec[" + Kv.kv("prefix", prefix, "seekKey", seekKey, "endKey", endKey, "inclusiveSeek",
                inclusiveSeek, "inclusiveEnd", inclusiveEnd, "desc", desc, "offset", offset, "limit", limit) + "]";
    }
}
