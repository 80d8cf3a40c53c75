package io.veridb.kv;

import java.util.Objects;

/**
 * A key-ordered range read (the immudb {@code ScanRequest}). Keys are user keys; empty arrays mean "unset".
 * Ascending: {@code seekKey ≤ k ≤ endKey}; descending: {@code endKey ≤ k ≤ seekKey}; each bound inclusive only if
 * its flag is set.
 *
 * @param prefix only keys starting with it
 * @param seekKey where to start (empty = the start of the prefix range in scan direction)
 * @param endKey where to stop (empty = no bound)
 * @param inclusiveSeek include {@code seekKey} itself
 * @param inclusiveEnd include {@code endKey} itself
 * @param desc descending key order
 * @param limit maximum entries; 0 = the store's maximum result size, larger than that is an error
 * @param offset visible entries to skip first
 * @param sinceTx must not exceed the last committed transaction
 * @param noWait do not wait for indexing
 */
public record ScanQuery(
        byte[] prefix,
        byte[] seekKey,
        byte[] endKey,
        boolean inclusiveSeek,
        boolean inclusiveEnd,
        boolean desc,
        long limit,
        long offset,
        long sinceTx,
        boolean noWait) {

    public ScanQuery {
        prefix = Objects.requireNonNull(prefix, "prefix").clone();
        seekKey = Objects.requireNonNull(seekKey, "seekKey").clone();
        endKey = Objects.requireNonNull(endKey, "endKey").clone();
        if (limit < 0 || offset < 0 || sinceTx < 0) {
            throw new IllegalArgumentException("scan limit=" + limit + " offset=" + offset + " sinceTx=" + sinceTx
                    + ", want >= 0");
        }
    }

    /** Every key with {@code prefix}, ascending, default limit. */
    public static ScanQuery prefix(byte[] prefix) {
        return new ScanQuery(prefix, new byte[0], new byte[0], true, true, false, 0, 0, 0, false);
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
}
