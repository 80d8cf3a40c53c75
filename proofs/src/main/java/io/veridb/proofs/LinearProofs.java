package io.veridb.proofs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** Builds and verifies {@link LinearProof}s (protocol spec §3.7). */
public final class LinearProofs {

    private LinearProofs() {}

    /**
     * The linear proof from {@code sourceTxId} to {@code targetTxId}, {@code 1 ≤ source ≤ target}; reads
     * {@code target − source + 1} headers.
     */
    public static LinearProof build(HeaderSource headers, long sourceTxId, long targetTxId) {
        Objects.requireNonNull(headers, "headers");
        if (sourceTxId < 1 || sourceTxId > targetTxId) {
            throw new IllegalArgumentException("linear proof source=" + sourceTxId + " target=" + targetTxId
                    + ", want 1 <= source <= target");
        }
        if (targetTxId - sourceTxId >= Integer.MAX_VALUE) {
            throw new IllegalArgumentException("linear proof spans " + (targetTxId - sourceTxId + 1)
                    + " transactions, want at most " + Integer.MAX_VALUE);
        }
        List<byte[]> terms = new ArrayList<>((int) (targetTxId - sourceTxId + 1));
        byte[] sourceAlh = headers.alh(sourceTxId);
        if (sourceAlh == null || sourceAlh.length != Hashes.SIZE) {
            Checks.hash("Alh(" + sourceTxId + ")", sourceAlh); // throws with the details
        }
        terms.add(sourceAlh.clone());
        for (long id = sourceTxId + 1; id <= targetTxId; id++) {
            terms.add(header(headers, id).innerHash());
        }
        return new LinearProof(sourceTxId, targetTxId, terms);
    }

    /**
     * Verifies as immudb clients do: the ids match {@code sourceTxId}/{@code targetTxId}, {@code 1 ≤ s ≤ t},
     * there are {@code t − s + 1} terms, the first is {@code sourceAlh}, and folding
     * {@code a = SHA-256(u64(s+k) || a || terms[k])} ends at {@code targetAlh}.
     */
    public static Verification verify(
            LinearProof proof, long sourceTxId, long targetTxId, byte[] sourceAlh, byte[] targetAlh) {
        Objects.requireNonNull(proof, "proof");
        Checks.hash("sourceAlh", sourceAlh);
        Checks.hash("targetAlh", targetAlh);
        String where = "linear proof (" + sourceTxId + " -> " + targetTxId + ")";
        if (proof.sourceTxId() != sourceTxId) {
            return Verification.failure(where + ": sourceTxId", sourceTxId, proof.sourceTxId());
        }
        if (proof.targetTxId() != targetTxId) {
            return Verification.failure(where + ": targetTxId", targetTxId, proof.targetTxId());
        }
        if (sourceTxId < 1 || sourceTxId > targetTxId) {
            return Verification.failure(where + ": ids", "1 <= source <= target",
                    "source=" + sourceTxId + " target=" + targetTxId);
        }
        List<byte[]> terms = proof.termsView();
        long want = targetTxId - sourceTxId + 1;
        if (terms.size() != want) {
            return Verification.failure(where + ": proof has " + terms.size() + " hashes, want " + want,
                    want, terms.size());
        }
        Verification start = Verification.equalHashes(where + ": Alh(" + sourceTxId + ")", sourceAlh, terms.get(0));
        if (!start.isOk()) {
            return start;
        }
        byte[] alh = terms.get(0);
        for (int k = 1; k < terms.size(); k++) {
            alh = TxHeader.alh(sourceTxId + k, alh, terms.get(k));
        }
        return Verification.equalHashes(where + ": Alh(" + targetTxId + ")", targetAlh, alh);
    }

    static TxHeader header(HeaderSource headers, long id) {
        TxHeader h = Objects.requireNonNull(headers.header(id), "header " + id);
        if (h.id() != id) {
            throw new IllegalStateException("header source returned id=" + h.id() + " for id=" + id);
        }
        return h;
    }
}
