package io.veridb.proofs;

import java.util.List;

/**
 * Proof that one entry digest is a leaf of a transaction's entries tree (protocol spec §3.4; the immudb
 * {@code InclusionProof} message).
 *
 * @param leaf 0-based index of the entry, {@code 0 ≤ leaf < width}
 * @param width number of entries in the transaction, ≥ 1
 * @param terms RFC 6962 audit path ordered from the leaf's sibling upward, 32 bytes each; empty when
 *     {@code width == 1}. Copied in and out.
 */
public record InclusionProof(int leaf, int width, List<byte[]> terms) {

    public InclusionProof {
        if (width < 1 || leaf < 0 || leaf >= width) {
            throw new IllegalArgumentException("inclusion proof leaf=" + leaf + " width=" + width
                    + ", want 0 <= leaf < width");
        }
        terms = Checks.copyHashes("terms", terms);
    }

    /** A deep copy of the terms. */
    @Override
    public List<byte[]> terms() {
        return Checks.cloneAll(terms);
    }

    List<byte[]> termsView() {
        return terms;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof InclusionProof p && leaf == p.leaf && width == p.width
                && Checks.sameHashes(terms, p.terms);
    }

    @Override
    public int hashCode() {
        return (leaf * 31 + width) * 31 + Checks.hashOf(terms);
    }

    @Override
    public String toString() {
        return "InclusionProof[leaf=" + leaf + " width=" + width + " terms=" + Checks.hexList(terms) + "]";
    }
}
