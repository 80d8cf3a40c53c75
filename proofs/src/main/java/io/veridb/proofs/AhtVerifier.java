package io.veridb.proofs;

import java.util.List;
import java.util.Objects;

/**
 * Verifiers for append-only tree proofs. The folds are immudb's client algorithms (protocol spec §3.6); on top
 * of them the proof length must be the canonical one, so a truncated or extended proof fails with a clear
 * message before any hashing.
 */
final class AhtVerifier {

    private AhtVerifier() {}

    static Verification inclusion(List<byte[]> proof, long i, long j, byte[] leafHash, byte[] rootJ) {
        String where = "aht inclusion (leaf " + i + ", size " + j + ")";
        Verification shape = shape(where, proof, leafHash, rootJ);
        if (!shape.isOk()) {
            return shape;
        }
        if (i < 1 || i > j) {
            return Verification.failure(where + ": sizes", "1 <= leaf <= size", "leaf=" + i + " size=" + j);
        }
        Verification length = length(where, proof, AppendOnlyTree.inclusionLength(i, j));
        if (!length.isOk()) {
            return length;
        }
        long a = i - 1;
        long b = j - 1;
        byte[] h = leafHash;
        for (byte[] t : proof) {
            if ((a & 1) == 0 && a != b) {
                h = Hashes.node(h, t);
            } else {
                h = Hashes.node(t, h);
            }
            a >>= 1;
            b >>= 1;
        }
        return Verification.equalHashes(where + ": root", rootJ, h);
    }

    static Verification lastInclusion(List<byte[]> proof, long j, byte[] leafHash, byte[] rootJ) {
        String where = "aht last inclusion (size " + j + ")";
        Verification shape = shape(where, proof, leafHash, rootJ);
        if (!shape.isOk()) {
            return shape;
        }
        if (j < 1) {
            return Verification.failure(where + ": size", "size >= 1", "size=" + j);
        }
        Verification length = length(where, proof, AppendOnlyTree.inclusionLength(j, j));
        if (!length.isOk()) {
            return length;
        }
        byte[] h = leafHash;
        for (byte[] t : proof) {
            h = Hashes.node(t, h);
        }
        return Verification.equalHashes(where + ": root", rootJ, h);
    }

    static Verification consistency(List<byte[]> proof, long i, long j, byte[] rootI, byte[] rootJ) {
        String where = "aht consistency (size " + i + " -> " + j + ")";
        Verification shape = shape(where, proof, rootI, rootJ);
        if (!shape.isOk()) {
            return shape;
        }
        if (i < 1 || i > j) {
            return Verification.failure(where + ": sizes", "1 <= from <= to", "from=" + i + " to=" + j);
        }
        if (i == j && proof.isEmpty()) {
            return Verification.equalHashes(where + ": equal sizes, roots", rootI, rootJ);
        }
        int want = i == j ? (j == 1 ? 0 : 2) : AppendOnlyTree.consistencyLength(i, j);
        Verification length = length(where, proof, want);
        if (!length.isOk()) {
            return length;
        }
        long fn = i - 1;
        long sn = j - 1;
        while ((fn & 1) == 1) {
            fn >>= 1;
            sn >>= 1;
        }
        byte[] ci = proof.get(0);
        byte[] cj = proof.get(0);
        for (byte[] t : proof.subList(1, proof.size())) {
            if ((fn & 1) == 1 || fn == sn) {
                ci = Hashes.node(t, ci);
                cj = Hashes.node(t, cj);
                while ((fn & 1) == 0 && fn != 0) {
                    fn >>= 1;
                    sn >>= 1;
                }
            } else {
                cj = Hashes.node(cj, t);
            }
            fn >>= 1;
            sn >>= 1;
        }
        Verification old = Verification.equalHashes(where + ": root_i", rootI, ci);
        return old.isOk() ? Verification.equalHashes(where + ": root_j", rootJ, cj) : old;
    }

    private static Verification shape(String where, List<byte[]> proof, byte[] first, byte[] second) {
        Objects.requireNonNull(proof, "proof");
        Checks.hash("leaf or root", first);
        Checks.hash("root", second);
        for (int k = 0; k < proof.size(); k++) {
            byte[] t = proof.get(k);
            if (t == null || t.length != Hashes.SIZE) {
                return Verification.failure(where + ": term " + k + " length",
                        Integer.toString(Hashes.SIZE), t == null ? "null" : Integer.toString(t.length));
            }
        }
        return Verification.ok();
    }

    private static Verification length(String where, List<byte[]> proof, int want) {
        if (proof.size() == want) {
            return Verification.ok();
        }
        return Verification.failure(where + ": proof has " + proof.size() + " hashes, want " + want,
                Integer.toString(want), Integer.toString(proof.size()));
    }
}
