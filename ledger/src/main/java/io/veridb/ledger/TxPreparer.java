package io.veridb.ledger;

import java.util.List;

/**
 * Builds the entries of one transaction on the ledger's writer thread, in commit order, so that checks against
 * the latest state (preconditions, append conditions) see every earlier transaction, committed or pending.
 *
 * <p>Runs on the single writer thread: it must be quick, must not block and must not call back into the
 * ledger's commit methods. Throwing {@link TxRejectedException} fails this request alone; any other runtime
 * exception also fails only this request (and is logged).
 */
@FunctionalInterface
public interface TxPreparer {

    /** Returns the entries to commit (1 … maxTxEntries, unique keys) or throws to reject the request. */
    List<EntrySpec> prepare(PendingView view) throws TxRejectedException;
}
