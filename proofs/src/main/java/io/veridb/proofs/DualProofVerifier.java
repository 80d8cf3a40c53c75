package io.veridb.proofs;

import java.util.List;
import java.util.Objects;

/** The client-side dual-proof check of {@link DualProofs#verify}, one step per method. */
final class DualProofVerifier {

    private DualProofVerifier() {}

    static Verification verify(DualProof proof, long s, long t, byte[] sourceAlh, byte[] targetAlh) {
        Objects.requireNonNull(proof, "proof");
        Checks.hash("sourceAlh", sourceAlh);
        Checks.hash("targetAlh", targetAlh);
        return headers(proof, s, t, sourceAlh, targetAlh)
                .and(() -> tree(proof, s, sourceAlh))
                .and(() -> linear(proof, s, t, sourceAlh, targetAlh))
                .and(() -> noLinearAdvance(proof, s))
                .within("dual proof (" + s + " -> " + t + ")");
    }

    private static Verification headers(DualProof proof, long s, long t, byte[] sourceAlh, byte[] targetAlh) {
        TxHeader source = proof.source();
        TxHeader target = proof.target();
        if (source.id() != s) {
            return Verification.failure("source header id", s, source.id());
        }
        if (target.id() != t) {
            return Verification.failure("target header id", t, target.id());
        }
        if (s < 1 || s > t) {
            return Verification.failure("ids", "1 <= source <= target", "source=" + s + " target=" + t);
        }
        return Verification.equalHashes("Alh(source header)", sourceAlh, source.alh())
                .and(() -> Verification.equalHashes("Alh(target header)", targetAlh, target.alh()));
    }

    private static Verification tree(DualProof proof, long s, byte[] sourceAlh) {
        TxHeader source = proof.source();
        TxHeader target = proof.target();
        long sourceBl = source.blTxId();
        long targetBl = target.blTxId();
        Verification inclusion = s < targetBl
                ? AppendOnlyTree.verifyInclusion(proof.inclusionView(), s, targetBl, Hashes.leaf(sourceAlh),
                        target.blRoot())
                : unused("inclusionProof", proof.inclusionView());
        return inclusion
                .and(() -> sourceBl > 0
                        ? AppendOnlyTree.verifyConsistency(proof.consistencyView(), sourceBl, targetBl,
                                source.blRoot(), target.blRoot())
                        : unused("consistencyProof", proof.consistencyView()))
                .and(() -> targetBl > 0
                        ? AppendOnlyTree.verifyLastInclusion(proof.lastInclusionView(), targetBl,
                                Hashes.leaf(proof.targetBlTxAlhView()), target.blRoot())
                        : unused("lastInclusionProof", proof.lastInclusionView())
                                .and(() -> Verification.equalHashes("targetBlTxAlh when target blTxId is 0",
                                        Hashes.zero(), proof.targetBlTxAlhView())));
    }

    private static Verification linear(DualProof proof, long s, long t, byte[] sourceAlh, byte[] targetAlh) {
        long targetBl = proof.target().blTxId();
        if (s < targetBl) {
            return LinearProofs.verify(proof.linearProof(), targetBl, t, proof.targetBlTxAlhView(), targetAlh);
        }
        return LinearProofs.verify(proof.linearProof(), s, t, sourceAlh, targetAlh);
    }

    /** A linear advance proof is needed when {@code min(S.id, T.blTxId) > S.blTxId + 1}; VeriDB never sends one. */
    private static Verification noLinearAdvance(DualProof proof, long s) {
        long start = proof.source().blTxId();
        long end = Math.min(s, proof.target().blTxId());
        if (end > start + 1) {
            return Verification.failure("linear advance proof (" + start + " -> " + end + ")", "present",
                    "absent");
        }
        return Verification.ok();
    }

    private static Verification unused(String field, List<byte[]> terms) {
        return terms.isEmpty()
                ? Verification.ok()
                : Verification.failure(field + " must be empty here", "0 hashes", terms.size() + " hashes");
    }
}
