package io.veridb.ledger;

/**
 * Told after each batch is durable and indexed. Called on the writer thread, in commit order: must be quick and
 * must not block (hand work to another thread). Exceptions are logged and ignored.
 */
@FunctionalInterface
public interface CommitListener {

    /** Transactions up to {@code lastTxId} are now durable, indexed and readable. */
    void committed(long lastTxId);
}
