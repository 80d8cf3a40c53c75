package io.veridb.proofs;

import java.util.List;

/**
 * Links Alh(source) to Alh(target) through the chain of inner hashes (protocol spec §3.7; immudb's
 * {@code LinearProof} message).
 *
 * <pre>
 * terms = [ Alh(source), innerHash(source+1), …, innerHash(target) ]     ; target − source + 1 terms
 * </pre>
 *
 * The ids are not validated here, since they arrive from the server: {@link LinearProofs#verify} checks them.
 *
 * @param sourceTxId first transaction id
 * @param targetTxId last transaction id
 * @param terms 32-byte hashes; copied in and out
 */
public record LinearProof(long sourceTxId, long targetTxId, List<byte[]> terms) {

    public LinearProof {
        terms = Checks.copyHashes("linear proof terms", terms);
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
        return o instanceof LinearProof p && sourceTxId == p.sourceTxId && targetTxId == p.targetTxId
                && Checks.sameHashes(terms, p.terms);
    }

    @Override
    public int hashCode() {
        return (Long.hashCode(sourceTxId) * 31 + Long.hashCode(targetTxId)) * 31 + Checks.hashOf(terms);
    }

    @Override
    public String toString() {
        return "LinearProof[sourceTxId=" + sourceTxId + " targetTxId=" + targetTxId
                + " terms=" + Checks.hexList(terms) + "]";
    }
}
