package io.veridb.proofs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;

/**
 * The append-only ("binary linking") tree over Alh values, immudb's ahtree (protocol spec §3.6).
 *
 * <p>Sizes and leaf numbers are 1-based as in immudb: leaf {@code n} is {@code Hashes.leaf(Alh(n))} and the
 * root of size {@code n} is the RFC 6962 Merkle Tree Hash of leaves 1…n. Builders read the tree through
 * {@link TreeNodes} and touch O(log n) nodes per call, decomposing each range into aligned perfect subtrees.
 * All proofs list their terms bottom-up. Verifiers take leaf hashes ({@code Hashes.leaf(alh)}), not Alh values,
 * and return a {@link Verification}; they accept exactly the canonical proofs built here.
 *
 * <p>Consistency proofs follow immudb, not RFC 6962: for {@code i < j} the old root is included as the first
 * term when {@code i} is a power of two; for {@code i == j ≥ 2} the proof is
 * {@code [MTH(D[k:j]), MTH(D[0:k])]} with {@code k} the largest power of two below {@code j}.
 */
public final class AppendOnlyTree {

    private AppendOnlyTree() {}

    /** Root of the tree of {@code size ≥ 1} leaves. */
    public static byte[] root(TreeNodes nodes, long size) {
        Objects.requireNonNull(nodes, "nodes");
        if (size < 1) {
            throw new IllegalArgumentException("tree size=" + size + ", want >= 1");
        }
        return Subtrees.mth(nodes, 0, size);
    }

    /** Inclusion proof of leaf {@code i} in the tree of size {@code j}, {@code 1 ≤ i ≤ j}. */
    public static List<byte[]> inclusionProof(TreeNodes nodes, long i, long j) {
        Objects.requireNonNull(nodes, "nodes");
        if (i < 1 || i > j) {
            throw new IllegalArgumentException("inclusion proof leaf=" + i + " size=" + j + ", want 1 <= leaf <= size");
        }
        List<byte[]> topDown = new ArrayList<>();
        long index = i - 1;
        long start = 0;
        long end = j;
        while (end - start > 1) {
            long k = Long.highestOneBit(end - start - 1);
            if (index < start + k) {
                topDown.add(Subtrees.mth(nodes, start + k, end));
                end = start + k;
            } else {
                topDown.add(Subtrees.mth(nodes, start, start + k));
                start += k;
            }
        }
        return bottomUp(topDown);
    }

    /** Inclusion proof of leaf {@code j} in the tree of size {@code j ≥ 1}: all terms are left siblings. */
    public static List<byte[]> lastInclusionProof(TreeNodes nodes, long j) {
        return inclusionProof(nodes, j, j);
    }

    /** Consistency proof from size {@code i} to size {@code j}, {@code 1 ≤ i ≤ j}, in immudb's form. */
    public static List<byte[]> consistencyProof(TreeNodes nodes, long i, long j) {
        Objects.requireNonNull(nodes, "nodes");
        if (i < 1 || i > j) {
            throw new IllegalArgumentException("consistency proof from size=" + i + " to size=" + j
                    + ", want 1 <= from <= to");
        }
        if (i == j) {
            if (j == 1) {
                return Collections.emptyList();
            }
            long k = Long.highestOneBit(j - 1);
            return List.of(Subtrees.mth(nodes, k, j), Subtrees.mth(nodes, 0, k));
        }
        List<byte[]> topDown = new ArrayList<>();
        long m = i;
        long start = 0;
        long end = j;
        while (true) {
            long n = end - start;
            if (m == n) {
                topDown.add(Subtrees.mth(nodes, start, end));
                break;
            }
            long k = Long.highestOneBit(n - 1);
            if (m <= k) {
                topDown.add(Subtrees.mth(nodes, start + k, end));
                end = start + k;
            } else {
                topDown.add(Subtrees.mth(nodes, start, start + k));
                m -= k;
                start += k;
            }
        }
        return bottomUp(topDown);
    }

    /**
     * The hashes to append to a node store when leaf {@code size + 1} is added: {@code leafHash} first, then each
     * parent it completes, bottom-up (see {@link NodeLayout} for where they go). Reads the left siblings from
     * {@code existing}, which must hold the tree of {@code size} leaves. Writes nothing.
     *
     * @param size current number of leaves, ≥ 0
     * @param leafHash {@code Hashes.leaf(alh)} of the new transaction
     */
    public static List<byte[]> nodesToAppend(TreeNodes existing, long size, byte[] leafHash) {
        Objects.requireNonNull(existing, "existing");
        Checks.hash("leafHash", leafHash);
        if (size < 0 || size >= NodeLayout.MAX_LEAVES) {
            throw new IllegalArgumentException("tree size=" + size + ", want 0.." + (NodeLayout.MAX_LEAVES - 1));
        }
        List<byte[]> out = new ArrayList<>(NodeLayout.completedBy(size + 1));
        byte[] current = leafHash.clone();
        out.add(current);
        long index = size;
        int level = 0;
        while ((index & 1) == 1) {
            current = Hashes.node(existing.node(level, index - 1), current);
            out.add(current);
            index >>= 1;
            level++;
        }
        return Collections.unmodifiableList(out);
    }

    /** Verifies an inclusion proof of {@code leafHash} as leaf {@code i} under {@code rootJ} of size {@code j}. */
    public static Verification verifyInclusion(List<byte[]> proof, long i, long j, byte[] leafHash, byte[] rootJ) {
        return AhtVerifier.inclusion(proof, i, j, leafHash, rootJ);
    }

    /** Verifies a last-inclusion proof of {@code leafHash} as leaf {@code j} under {@code rootJ} of size {@code j}. */
    public static Verification verifyLastInclusion(List<byte[]> proof, long j, byte[] leafHash, byte[] rootJ) {
        return AhtVerifier.lastInclusion(proof, j, leafHash, rootJ);
    }

    /** Verifies that {@code rootI} of size {@code i} is a prefix of {@code rootJ} of size {@code j}. */
    public static Verification verifyConsistency(List<byte[]> proof, long i, long j, byte[] rootI, byte[] rootJ) {
        return AhtVerifier.consistency(proof, i, j, rootI, rootJ);
    }

    /** Number of terms of the inclusion proof of leaf {@code i} in size {@code j}. */
    static int inclusionLength(long i, long j) {
        int len = 0;
        long index = i - 1;
        long start = 0;
        long end = j;
        while (end - start > 1) {
            long k = Long.highestOneBit(end - start - 1);
            if (index < start + k) {
                end = start + k;
            } else {
                start += k;
            }
            len++;
        }
        return len;
    }

    /** Number of terms of the consistency proof from {@code i < j}. */
    static int consistencyLength(long i, long j) {
        int len = 1;
        long m = i;
        long n = j;
        while (m != n) {
            long k = Long.highestOneBit(n - 1);
            if (m <= k) {
                n = k;
            } else {
                m -= k;
                n -= k;
            }
            len++;
        }
        return len;
    }

    private static List<byte[]> bottomUp(List<byte[]> topDown) {
        Collections.reverse(topDown);
        return Collections.unmodifiableList(topDown);
    }
}
