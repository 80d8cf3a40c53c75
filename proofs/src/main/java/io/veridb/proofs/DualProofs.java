package io.veridb.proofs;

import java.util.List;
import java.util.Objects;

/**
 * Builds and verifies {@link DualProof}s (protocol spec §3.8 and §3.9). Pure: reads headers and tree nodes
 * through the given sources and returns values.
 */
public final class DualProofs {

    private DualProofs() {}

    /**
     * Builds the dual proof between {@code sourceTxId} and {@code targetTxId} as an immudb server does.
     *
     * @param headers committed headers; must hold S, T, T.blTxId and every id of the linear proof
     * @param nodes the append-only tree; must hold at least {@code T.blTxId} leaves
     * @throws IllegalArgumentException unless {@code 1 ≤ sourceTxId ≤ targetTxId}
     * @throws IllegalStateException if the headers break the chain rules (S.blTxId > T.blTxId, or a linear
     *     advance proof would be needed, which only happens when {@code blTxId < id − 1})
     */
    public static DualProof build(HeaderSource headers, TreeNodes nodes, long sourceTxId, long targetTxId) {
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(nodes, "nodes");
        if (sourceTxId < 1 || sourceTxId > targetTxId) {
            throw new IllegalArgumentException("dual proof source=" + sourceTxId + " target=" + targetTxId
                    + ", want 1 <= source <= target");
        }
        TxHeader source = LinearProofs.header(headers, sourceTxId);
        TxHeader target = LinearProofs.header(headers, targetTxId);
        long sourceBl = source.blTxId();
        long targetBl = target.blTxId();
        if (sourceBl > targetBl) {
            throw new IllegalStateException("source blTxId=" + sourceBl + " exceeds target blTxId=" + targetBl
                    + " (source " + sourceTxId + ", target " + targetTxId + ")");
        }
        if (Math.min(sourceTxId, targetBl) > sourceBl + 1) {
            throw new IllegalStateException("a linear advance proof would be needed from " + sourceBl + " to "
                    + Math.min(sourceTxId, targetBl) + "; VeriDB requires blTxId = id - 1 (source " + sourceTxId
                    + " has blTxId " + sourceBl + ")");
        }
        List<byte[]> inclusion = sourceTxId < targetBl
                ? AppendOnlyTree.inclusionProof(nodes, sourceTxId, targetBl)
                : List.of();
        List<byte[]> consistency = sourceBl > 0
                ? AppendOnlyTree.consistencyProof(nodes, sourceBl, targetBl)
                : List.of();
        byte[] targetBlTxAlh = targetBl == 0
                ? Hashes.zero()
                : targetBl == targetTxId - 1 ? target.prevAlh() : LinearProofs.header(headers, targetBl).alh();
        List<byte[]> lastInclusion = targetBl > 0 ? AppendOnlyTree.lastInclusionProof(nodes, targetBl) : List.of();
        LinearProof linear = LinearProofs.build(headers, Math.max(sourceTxId, targetBl), targetTxId);
        // the tree lists are fresh (every hash AppendOnlyTree returns is a new array): the proof keeps them uncopied
        return new DualProof(source, target, new FreshHashes(inclusion), new FreshHashes(consistency), targetBlTxAlh,
                new FreshHashes(lastInclusion), linear);
    }

    /**
     * Verifies a dual proof exactly as immudb clients do (spec §3.9): header ids equal {@code sourceTxId} and
     * {@code targetTxId}; {@code 1 ≤ s ≤ t}; the headers' Alh values equal {@code sourceAlh} and
     * {@code targetAlh}; the AHT inclusion proof if {@code s < T.blTxId}; the consistency proof if
     * {@code S.blTxId > 0}; the last-inclusion proof if {@code T.blTxId > 0}; the linear proof from
     * {@code targetBlTxAlh} (if {@code s < T.blTxId}) or from {@code sourceAlh}; and that no linear advance proof
     * is needed. Proofs must also be canonical: lists that the rules leave unused must be empty and
     * {@code targetBlTxAlh} must be zeros when {@code T.blTxId == 0}, so every byte of a proof is checked.
     *
     * @param sourceAlh trusted Alh of {@code sourceTxId}
     * @param targetAlh Alh of {@code targetTxId} (trusted or to be trusted)
     */
    public static Verification verify(
            DualProof proof, long sourceTxId, long targetTxId, byte[] sourceAlh, byte[] targetAlh) {
        return DualProofVerifier.verify(proof, sourceTxId, targetTxId, sourceAlh, targetAlh);
    }
}
