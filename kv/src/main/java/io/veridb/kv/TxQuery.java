package io.veridb.kv;

import java.util.Objects;

/**
 * A read of one transaction (the immudb {@code TxRequest}).
 *
 * @param tx the transaction id, ≥ 1
 * @param spec what to return per entry kind
 * @param sinceTx resolution must reflect at least this transaction (must not exceed the last committed one)
 * @param noWait do not wait for indexing
 * @param keepReferencesUnresolved return references as stored instead of following them
 */
public record TxQuery(long tx, EntriesSpec spec, long sinceTx, boolean noWait, boolean keepReferencesUnresolved) {

    public TxQuery {
        Objects.requireNonNull(spec, "spec");
    }

    /** Transaction {@code tx} with raw entries. */
    public static TxQuery of(long tx) {
        return new TxQuery(tx, EntriesSpec.ALL_DIGESTS, 0, false, false);
    }
}
