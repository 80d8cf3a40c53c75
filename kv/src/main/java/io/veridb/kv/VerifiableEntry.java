package io.veridb.kv;

import io.veridb.proofs.InclusionProof;
import java.util.Objects;

/**
 * A read entry with its proofs (the immudb {@code VerifiableEntry} message).
 *
 * @param entry the entry, exactly as a plain get returns it
 * @param verifiableTx the transaction that wrote the proven entry (the reference entry for a reference) with its
 *     raw entries, and the dual proof
 * @param inclusionProof the proven entry's path in that transaction's entries tree
 */
public record VerifiableEntry(KvEntry entry, VerifiableTx verifiableTx, InclusionProof inclusionProof) {

    public VerifiableEntry {
        Objects.requireNonNull(entry, "entry");
        Objects.requireNonNull(verifiableTx, "verifiableTx");
        Objects.requireNonNull(inclusionProof, "inclusionProof");
    }
}
