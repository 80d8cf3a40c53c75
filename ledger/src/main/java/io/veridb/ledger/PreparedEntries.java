package io.veridb.ledger;

import io.veridb.proofs.EntriesTree;
import java.util.ArrayList;
import java.util.List;

/**
 * The hashed form of a transaction's entries: {@code TxEntry} (with hValue), entry digests and eH for one header
 * version. Pure; computed on the caller's thread for {@link Ledger#commit(List)} so the writer thread only chains.
 */
record PreparedEntries(int version, List<EntrySpec> entries, ByteKey[] keys, List<TxEntry> txEntries,
        List<byte[]> digests, byte[] eH) {

    /** {@code keys} are the entries' keys as {@link TxValidator#check} returned them. */
    static PreparedEntries of(int version, List<EntrySpec> entries, ByteKey[] keys) {
        List<TxEntry> txEntries = new ArrayList<>(entries.size());
        List<byte[]> digests = new ArrayList<>(entries.size());
        for (EntrySpec e : entries) {
            TxEntry te = new TxEntry(e.rawKey(), e.metadata(), LogStore.sha256(e.rawValue()), e.valueLength());
            txEntries.add(te);
            digests.add(te.digest(version));
        }
        return new PreparedEntries(version, entries, keys, txEntries, digests, EntriesTree.root(digests));
    }
}
