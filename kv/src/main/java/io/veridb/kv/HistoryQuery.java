package io.veridb.kv;

import java.util.Objects;

/**
 * All versions of one key (the immudb {@code HistoryRequest}).
 *
 * @param key user key
 * @param offset versions to skip
 * @param limit maximum versions; 0 = the store's maximum result size; negative or larger is an error
 * @param desc newest first
 * @param sinceTx must not exceed the last committed transaction
 */
public record HistoryQuery(byte[] key, long offset, int limit, boolean desc, long sinceTx) {

    public HistoryQuery {
        key = Objects.requireNonNull(key, "key").clone();
        if (offset < 0 || sinceTx < 0) {
            throw new IllegalArgumentException("history offset=" + offset + " sinceTx=" + sinceTx + ", want >= 0");
        }
    }

    /** Every version of {@code key}, oldest first. */
    public static HistoryQuery of(byte[] key) {
        return new HistoryQuery(key, 0, 0, false, 0);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }
}
