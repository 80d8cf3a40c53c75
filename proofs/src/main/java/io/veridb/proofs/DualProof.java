package io.veridb.proofs;

import java.util.List;
import java.util.Objects;

/**
 * Proof that the state at {@code source} is a prefix of the state at {@code target} (protocol spec §3.8;
 * immudb's {@code DualProof} message, fields 1–7). Field 8, {@code LinearAdvanceProof}, is always absent: VeriDB
 * keeps {@code blTxId = id − 1}, which makes it unnecessary, and the verifier fails any proof that would need it.
 * Built by {@link DualProofs#build}, checked by {@link DualProofs#verify}.
 *
 * @param source header S
 * @param target header T, {@code S.id ≤ T.id}
 * @param inclusionProof AHT inclusion of leaf S.id in size T.blTxId if {@code S.id < T.blTxId}, else empty
 * @param consistencyProof AHT consistency S.blTxId → T.blTxId if {@code S.blTxId > 0}, else empty
 * @param targetBlTxAlh Alh(T.blTxId) if {@code T.blTxId > 0}, else 32 zero bytes
 * @param lastInclusionProof AHT last inclusion of leaf T.blTxId if {@code T.blTxId > 0}, else empty
 * @param linearProof linear proof from {@code max(S.id, T.blTxId)} to T.id
 */
public record DualProof(
        TxHeader source,
        TxHeader target,
        List<byte[]> inclusionProof,
        List<byte[]> consistencyProof,
        byte[] targetBlTxAlh,
        List<byte[]> lastInclusionProof,
        LinearProof linearProof) {

    public DualProof {
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(target, "target");
        inclusionProof = Checks.copyHashes("inclusionProof", inclusionProof);
        consistencyProof = Checks.copyHashes("consistencyProof", consistencyProof);
        targetBlTxAlh = Checks.copyHash("targetBlTxAlh", targetBlTxAlh);
        lastInclusionProof = Checks.copyHashes("lastInclusionProof", lastInclusionProof);
        Objects.requireNonNull(linearProof, "linearProof");
    }

    /** A deep copy. */
    @Override
    public List<byte[]> inclusionProof() {
        return Checks.cloneAll(inclusionProof);
    }

    /** A deep copy. */
    @Override
    public List<byte[]> consistencyProof() {
        return Checks.cloneAll(consistencyProof);
    }

    /** A copy. */
    @Override
    public byte[] targetBlTxAlh() {
        return targetBlTxAlh.clone();
    }

    /** A deep copy. */
    @Override
    public List<byte[]> lastInclusionProof() {
        return Checks.cloneAll(lastInclusionProof);
    }

    List<byte[]> inclusionView() {
        return inclusionProof;
    }

    List<byte[]> consistencyView() {
        return consistencyProof;
    }

    byte[] targetBlTxAlhView() {
        return targetBlTxAlh;
    }

    List<byte[]> lastInclusionView() {
        return lastInclusionProof;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DualProof p && source.equals(p.source) && target.equals(p.target)
                && Checks.sameHashes(inclusionProof, p.inclusionProof)
                && Checks.sameHashes(consistencyProof, p.consistencyProof)
                && java.util.Arrays.equals(targetBlTxAlh, p.targetBlTxAlh)
                && Checks.sameHashes(lastInclusionProof, p.lastInclusionProof)
                && linearProof.equals(p.linearProof);
    }

    @Override
    public int hashCode() {
        return Objects.hash(source, target, Checks.hashOf(inclusionProof), Checks.hashOf(consistencyProof),
                java.util.Arrays.hashCode(targetBlTxAlh), Checks.hashOf(lastInclusionProof), linearProof);
    }

    @Override
    public String toString() {
        return "DualProof[source=" + source + " target=" + target
                + " inclusionProof=" + Checks.hexList(inclusionProof)
                + " consistencyProof=" + Checks.hexList(consistencyProof)
                + " targetBlTxAlh=" + Checks.hex(targetBlTxAlh)
                + " lastInclusionProof=" + Checks.hexList(lastInclusionProof)
                + " linearProof=" + linearProof + "]";
    }
}
