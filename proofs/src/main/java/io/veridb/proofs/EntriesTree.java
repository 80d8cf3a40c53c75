package io.veridb.proofs;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The per-transaction Merkle tree over entry digests ("htree", protocol spec §3.4) whose root is the header's
 * {@code eH}.
 *
 * <p>Leaves are {@code leaf(digest_i)} in entry order. Each level pairs neighbours with {@code node(l, r)} and
 * promotes an odd last node unchanged; the root equals the RFC 6962 Merkle Tree Hash of the leaves. A single
 * entry gives {@code eH = leaf(digest)}. Digests are 32 bytes. All work is in memory: the tree of a
 * transaction (at most a few thousand entries) is rebuilt per call.
 */
public final class EntriesTree {

    private EntriesTree() {}

    /**
     * The root {@code eH} of the tree over {@code digests}; {@link Hashes#empty()} for an empty list (a real
     * transaction always has at least one entry).
     */
    public static byte[] root(List<byte[]> digests) {
        Objects.requireNonNull(digests, "digests");
        if (digests.isEmpty()) {
            return Hashes.empty();
        }
        List<byte[]> level = leaves(digests);
        while (level.size() > 1) {
            level = parents(level);
        }
        return level.get(0);
    }

    /**
     * The inclusion proof of entry {@code index} among {@code digests}.
     *
     * @throws IllegalArgumentException unless {@code 0 ≤ index < digests.size()}
     */
    public static InclusionProof proof(List<byte[]> digests, int index) {
        Objects.requireNonNull(digests, "digests");
        if (index < 0 || index >= digests.size()) {
            throw new IllegalArgumentException(
                    "entry index=" + index + ", want 0 <= index < width=" + digests.size());
        }
        List<byte[]> terms = new ArrayList<>();
        List<byte[]> level = leaves(digests);
        int a = index;
        while (level.size() > 1) {
            if ((a & 1) == 1) {
                terms.add(level.get(a - 1));
            } else if (a + 1 < level.size()) {
                terms.add(level.get(a + 1));
            }
            level = parents(level);
            a >>= 1;
        }
        return new InclusionProof(index, digests.size(), terms);
    }

    /**
     * Verifies that {@code digest} is entry {@code proof.leaf()} of a {@code proof.width()}-entry tree with
     * root {@code eH}, exactly as immudb clients do: fold the terms from the leaf upward, then require the
     * position counters to meet and the root to match.
     */
    public static Verification verify(InclusionProof proof, byte[] digest, byte[] eH) {
        Objects.requireNonNull(proof, "proof");
        Checks.hash("digest", digest);
        Checks.hash("eH", eH);
        long a = proof.leaf();
        long b = proof.width() - 1L;
        byte[] h = Hashes.leaf(digest);
        for (byte[] t : proof.termsView()) {
            if ((a & 1) == 0 && a != b) {
                h = Hashes.node(h, t);
            } else {
                h = Hashes.node(t, h);
            }
            a >>= 1;
            b >>= 1;
        }
        String where = "entries inclusion (leaf " + proof.leaf() + ", width " + proof.width() + ")";
        if (a != b) {
            return Verification.failure(where + ": path length", "positions to meet", "a=" + a + " b=" + b
                    + " after " + proof.termsView().size() + " terms");
        }
        return Verification.equalHashes(where + ": eH", eH, h);
    }

    private static List<byte[]> leaves(List<byte[]> digests) {
        List<byte[]> leaves = new ArrayList<>(digests.size());
        for (int i = 0; i < digests.size(); i++) {
            leaves.add(Hashes.leaf(Checks.hash("digests[" + i + "]", digests.get(i))));
        }
        return leaves;
    }

    private static List<byte[]> parents(List<byte[]> level) {
        List<byte[]> up = new ArrayList<>((level.size() + 1) / 2);
        for (int i = 0; i + 1 < level.size(); i += 2) {
            up.add(Hashes.node(level.get(i), level.get(i + 1)));
        }
        if ((level.size() & 1) == 1) {
            up.add(level.get(level.size() - 1));
        }
        return up;
    }
}
