package io.veridb.ledger;

import java.util.List;

/**
 * A data model's own index, maintained by the ledger next to the key index.
 *
 * <p>Contract:
 * <ul>
 *   <li>Registered through {@link LedgerOptions#secondaryIndexes()}. {@link #name()} names a RocksDB column family
 *       ({@code [a-z0-9_.-]{1,64}}) and must stay the same across restarts.
 *   <li>{@link #onCommit} is called once per committed transaction, in commit order, on the writer thread, after
 *       the transaction is durable and before its commit future completes; its writes go into the same RocksDB
 *       write batch as the key index (so they become visible together with it).
 *   <li>It must be a pure function of {@code (txId, entries)}: after a crash, or when an index is registered on an
 *       existing ledger, the ledger replays it from the log for every transaction it has not seen. It must not
 *       throw: an exception there fails the ledger (the transaction is already durable).
 *   <li>Entries are given in entry order with their values; entry {@code i} of the list is entry index {@code i}.
 * </ul>
 * Read it back with {@link Ledger#secondaryIndex(String)}.
 */
public interface SecondaryIndex {

    /** Stable name of this index. */
    String name();

    /** Adds the index records of transaction {@code txId} to {@code out}. */
    void onCommit(long txId, List<EntrySpec> entries, IndexWriter out);
}
