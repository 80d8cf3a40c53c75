package io.veridb.proofs;

import java.util.ArrayList;
import java.util.List;

/**
 * Textbook recursive RFC 6962 (section 2.1) over a list of leaf hashes, written independently of the production
 * code, as the oracle for tree tests.
 */
final class NaiveRfc6962 {

    private NaiveRfc6962() {}

    static long split(long n) {
        long k = 1;
        while (k * 2 < n) {
            k *= 2;
        }
        return k;
    }

    static byte[] mth(List<byte[]> leaves) {
        if (leaves.size() == 1) {
            return leaves.get(0);
        }
        int k = (int) split(leaves.size());
        return Hashes.node(mth(leaves.subList(0, k)), mth(leaves.subList(k, leaves.size())));
    }

    /** Audit path of 0-based leaf m, bottom-up. */
    static List<byte[]> path(int m, List<byte[]> leaves) {
        List<byte[]> out = new ArrayList<>();
        int n = leaves.size();
        if (n == 1) {
            return out;
        }
        int k = (int) split(n);
        if (m < k) {
            out.addAll(path(m, leaves.subList(0, k)));
            out.add(mth(leaves.subList(k, n)));
        } else {
            out.addAll(path(m - k, leaves.subList(k, n)));
            out.add(mth(leaves.subList(0, k)));
        }
        return out;
    }

    /** SUBPROOF(m, D[n], b) of RFC 6962 section 2.1.2. */
    static List<byte[]> subproof(int m, List<byte[]> leaves, boolean b) {
        List<byte[]> out = new ArrayList<>();
        int n = leaves.size();
        if (m == n) {
            if (!b) {
                out.add(mth(leaves));
            }
            return out;
        }
        int k = (int) split(n);
        if (m <= k) {
            out.addAll(subproof(m, leaves.subList(0, k), b));
            out.add(mth(leaves.subList(k, n)));
        } else {
            out.addAll(subproof(m - k, leaves.subList(k, n), false));
            out.add(mth(leaves.subList(0, k)));
        }
        return out;
    }

    /** The RFC 6962 consistency proof PROOF(m, D[n]). */
    static List<byte[]> rfcConsistency(int m, List<byte[]> leaves) {
        return subproof(m, leaves, true);
    }
}
