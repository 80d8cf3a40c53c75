package io.veridb.kv;

import java.util.Optional;

/**
 * What the data-model rules read: the committed ledger for reads, or the ledger's pending view (committed plus the
 * transactions accepted earlier in the same batch) inside a transaction preparer. Keys are stored keys.
 */
interface StateView {

    /** The id of the last transaction this view contains. */
    long lastTxId();

    /** The newest indexed version of {@code storedKey} of any kind (deleted and expired included). */
    Optional<Version> latest(byte[] storedKey);

    /** The stored value of {@code version}. */
    byte[] value(Version version);

    /**
     * The entry for {@code storedKey} written in transaction {@code txId}.
     *
     * @return empty when that transaction did not write the key
     * @throws KvException "tx not found" when {@code txId} is not in this view
     */
    Optional<Stored> inTx(byte[] storedKey, long txId);
}
