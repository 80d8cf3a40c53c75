package io.veridb.ledger;

import io.veridb.proofs.TxHeader;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/** One queued commit: fixed entries or a preparer, its future and when it was queued. */
record CommitRequest(List<EntrySpec> entries, TxPreparer preparer, CompletableFuture<TxHeader> future,
        long queuedNanos) {

    static final CommitRequest STOP = new CommitRequest(List.of(), null, new CompletableFuture<>(), 0);
}
