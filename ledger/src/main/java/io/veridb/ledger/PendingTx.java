package io.veridb.ledger;

import java.util.List;

/** A transaction accepted earlier in the current, not yet durable batch: its id and entries. */
public record PendingTx(long txId, List<EntrySpec> entries) {

    public PendingTx {
        entries = List.copyOf(entries);
    }
}
