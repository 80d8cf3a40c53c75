package io.veridb.kv;

import java.util.Objects;
import java.util.OptionalDouble;

/**
 * A read of one sorted set (the immudb {@code ZScanRequest}) in the order of the encoded member keys (score bit
 * pattern, key length, key, atTx).
 *
 * @param set the set name, non-empty
 * @param seekKey when non-empty, start at the member (seekScore, seekKey, seekAtTx)
 * @param seekScore score of the seek position
 * @param seekAtTx atTx of the seek position
 * @param inclusiveSeek include the seek position itself
 * @param limit maximum entries; 0 = the store's maximum result size, larger is an error
 * @param desc reverse order
 * @param minScore skip members with a smaller score
 * @param maxScore skip members with a larger score
 * @param sinceTx must not exceed the last committed transaction
 * @param noWait do not wait for indexing
 * @param offset members to skip first
 */
public record ZScanQuery(
        byte[] set,
        byte[] seekKey,
        double seekScore,
        long seekAtTx,
        boolean inclusiveSeek,
        long limit,
        boolean desc,
        OptionalDouble minScore,
        OptionalDouble maxScore,
        long sinceTx,
        boolean noWait,
        long offset) {

    public ZScanQuery {
        set = Objects.requireNonNull(set, "set").clone();
        seekKey = Objects.requireNonNull(seekKey, "seekKey").clone();
        Objects.requireNonNull(minScore, "minScore");
        Objects.requireNonNull(maxScore, "maxScore");
        if (limit < 0 || offset < 0 || sinceTx < 0) {
            throw new IllegalArgumentException("zscan limit=" + limit + " offset=" + offset + " sinceTx=" + sinceTx
                    + ", want >= 0");
        }
    }

    /** The whole set, ascending, default limit. */
    public static ZScanQuery of(byte[] set) {
        return new ZScanQuery(set, new byte[0], 0, 0, true, 0, false, OptionalDouble.empty(), OptionalDouble.empty(),
                0, false, 0);
    }

    @Override
    public byte[] set() {
        return set.clone();
    }

    @Override
    public byte[] seekKey() {
        return seekKey.clone();
    }
}
