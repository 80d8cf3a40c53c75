package io.veridb.client;

import java.util.Arrays;
import java.util.Objects;
import java.util.OptionalDouble;

/**
 * What {@link VeriClient#zScan(ZScanOptions)} returns: members of one sorted set in the server's order (by the
 * score's IEEE-754 bit pattern, then key, then atTx).
 *
 * @param set the sorted set
 * @param minScore lowest score returned, if present
 * @param maxScore highest score returned, if present
 * @param desc descending order
 * @param limit total members to return, 0 = all
 * @param sinceTx wait until the index covers this transaction (0 = the last committed one)
 * @param pageSize members per server call, 1…{@value VeriClient#MAX_PAGE_SIZE}
 */
public record ZScanOptions(
        byte[] set, OptionalDouble minScore, OptionalDouble maxScore, boolean desc, long limit, long sinceTx,
        int pageSize) {

    public ZScanOptions {
        set = Bytes.copy("set", set);
        Objects.requireNonNull(minScore, "minScore");
        Objects.requireNonNull(maxScore, "maxScore");
        if (limit < 0 || sinceTx < 0) {
            throw new IllegalArgumentException("limit=" + limit + " sinceTx=" + sinceTx + ", want both >= 0");
        }
        if (pageSize < 1 || pageSize > VeriClient.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "pageSize=" + pageSize + ", want 1.." + VeriClient.MAX_PAGE_SIZE);
        }
    }

    /** Every member of {@code set}, ascending. */
    public static ZScanOptions of(byte[] set) {
        return new ZScanOptions(set, OptionalDouble.empty(), OptionalDouble.empty(), false, 0, 0,
                ScanOptions.DEFAULT_PAGE_SIZE);
    }

    public ZScanOptions withScoreRange(OptionalDouble min, OptionalDouble max) {
        return new ZScanOptions(set, min, max, desc, limit, sinceTx, pageSize);
    }

    public ZScanOptions withDesc(boolean d) {
        return new ZScanOptions(set, minScore, maxScore, d, limit, sinceTx, pageSize);
    }

    public ZScanOptions withLimit(long l) {
        return new ZScanOptions(set, minScore, maxScore, desc, l, sinceTx, pageSize);
    }

    public ZScanOptions withSinceTx(long tx) {
        return new ZScanOptions(set, minScore, maxScore, desc, limit, tx, pageSize);
    }

    public ZScanOptions withPageSize(int n) {
        return new ZScanOptions(set, minScore, maxScore, desc, limit, sinceTx, n);
    }

    @Override
    public byte[] set() {
        return set.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ZScanOptions z && Arrays.equals(set, z.set) && minScore.equals(z.minScore)
                && maxScore.equals(z.maxScore) && desc == z.desc && limit == z.limit && sinceTx == z.sinceTx
                && pageSize == z.pageSize;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(set), minScore, maxScore, desc, limit, sinceTx, pageSize);
    }

    @Override
    public String toString() {
        return "ZScanOptions[set=" + Bytes.brief(set) + " minScore=" + minScore + " maxScore=" + maxScore
                + " desc=" + desc + " limit=" + limit + " sinceTx=" + sinceTx + " pageSize=" + pageSize + "]";
    }
}
