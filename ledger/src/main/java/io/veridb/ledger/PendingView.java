package io.veridb.ledger;

import java.util.List;
import java.util.Optional;

/**
 * What a {@link TxPreparer} sees: the committed key index overlaid with the transactions accepted earlier in the
 * same, not yet durable batch. Valid only during the {@code prepare} call.
 */
public interface PendingView {

    /** The id the transaction being prepared will get if accepted. */
    long nextTxId();

    /**
     * Transactions accepted earlier in the current batch, oldest first (not yet durable or indexed). A read-only
     * view, valid during the {@code prepare} call only.
     */
    List<PendingTx> pendingTxs();

    /** The latest version of {@code key}, including pending transactions (their versions have final ids). */
    Optional<KeyVersion> latest(byte[] key);

    /** The committed key index (without the pending overlay), for scans and history. */
    KeyIndex index();
}
