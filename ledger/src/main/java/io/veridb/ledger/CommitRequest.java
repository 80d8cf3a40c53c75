package io.veridb.ledger;

import io.veridb.proofs.TxHeader;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * One queued commit: fixed entries (checked and hashed on the caller's thread: {@code prepared}, or
 * {@code invalid} if they broke a limit) or a preparer, its future and when it was queued.
 */
record CommitRequest(List<EntrySpec> entries, PreparedEntries prepared, RuntimeException invalid,
        TxPreparer preparer, CompletableFuture<TxHeader> future, long queuedNanos) {

    static final CommitRequest STOP = new CommitRequest(List.of(), null, null, null, new CompletableFuture<>(), 0);
}
