package io.veridb.ledger;

import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.TxHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A committed transaction: its header and its entries in order (without values). */
public record Tx(TxHeader header, List<TxEntry> entries) {

    public Tx {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
        if (entries.size() != header.nentries()) {
            throw new IllegalArgumentException(Kv.kv("entries", entries.size(), "nentries", header.nentries(),
                    "tx", header.id()));
        }
    }

    /** Entry digests under this header's version, in entry order. */
    public List<byte[]> digests() {
        List<byte[]> out = new ArrayList<>(entries.size());
        for (TxEntry e : entries) {
            out.add(e.digest(header.version()));
        }
        return out;
    }

    /** The inclusion proof of entry {@code index} in this transaction's entries tree (root = eH). */
    public InclusionProof inclusionProof(int index) {
        return EntriesTree.proof(digests(), index);
    }
}
