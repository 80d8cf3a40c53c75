package io.veridb.kv;

import java.util.Objects;

/**
 * A point read (the immudb {@code KeyRequest}). At most one of {@code atTx} and {@code sinceTx}/{@code atRevision}
 * may be set.
 *
 * @param key user key, non-empty
 * @param atTx read the version written in exactly this transaction; 0 = latest
 * @param sinceTx the read must reflect at least this transaction (must not exceed the last committed one)
 * @param noWait do not wait for indexing
 * @param atRevision n-th version (1 = first) when positive, n-th previous when negative, 0 = latest
 */
public record GetQuery(byte[] key, long atTx, long sinceTx, boolean noWait, long atRevision) {

    public GetQuery {
        key = Objects.requireNonNull(key, "key").clone();
    }

    /** The latest version of {@code key}. */
    public static GetQuery latest(byte[] key) {
        return new GetQuery(key, 0, 0, false, 0);
    }

    /** The version of {@code key} written in {@code atTx}. */
    public static GetQuery atTx(byte[] key, long atTx) {
        return new GetQuery(key, atTx, 0, false, 0);
    }

    /** Revision {@code revision} of {@code key}. */
    public static GetQuery atRevision(byte[] key, long revision) {
        return new GetQuery(key, 0, 0, false, revision);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }
}
