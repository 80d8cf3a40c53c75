package io.veridb.proofs;

/**
 * Post-order layout of the append-only tree's perfect subtrees in a flat, append-only node file.
 *
 * <p>When leaf {@code m} (1-based) is appended, the nodes it completes are written in this order: the leaf
 * {@code (0, m−1)}, then its parents {@code (h, m/2^h − 1)} for {@code h = 1 … ntz(m)} (ntz = number of trailing
 * zero bits). Hence
 *
 * <pre>
 * position(h, i)  = 2(m−1) − popcount(m−1) + h      where m = (i+1)·2^h   (0-based slot)
 * nodeCount(m)    = 2m − popcount(m)                 slots used after m leaves
 * completedBy(m)  = 1 + ntz(m)                       slots written by leaf m, starting at nodeCount(m−1)
 * </pre>
 *
 * Multiply a slot by {@link Hashes#SIZE} for a byte offset. The hashes to write come from
 * {@link AppendOnlyTree#nodesToAppend(TreeNodes, long, byte[])}.
 */
public final class NodeLayout {

    /** Largest supported leaf count, so that every slot number fits a long. */
    public static final long MAX_LEAVES = 1L << 61;

    private NodeLayout() {}

    /** 0-based slot of node {@code (level, index)}. */
    public static long position(int level, long index) {
        if (level < 0 || level > 61) {
            throw new IllegalArgumentException("level=" + level + ", want 0..61");
        }
        if (index < 0 || index >= (MAX_LEAVES >>> level)) {
            throw new IllegalArgumentException(
                    "index=" + index + ", want 0 <= index < " + (MAX_LEAVES >>> level) + " (level " + level + ")");
        }
        long m = (index + 1) << level;
        return 2 * (m - 1) - Long.bitCount(m - 1) + level;
    }

    /** Number of slots used once {@code leafCount} leaves are appended. */
    public static long nodeCount(long leafCount) {
        checkLeaves("leafCount", leafCount, 0);
        return 2 * leafCount - Long.bitCount(leafCount);
    }

    /** Number of slots written when leaf {@code leafNumber} (1-based) is appended: {@code 1 + ntz(leafNumber)}. */
    public static int completedBy(long leafNumber) {
        checkLeaves("leafNumber", leafNumber, 1);
        return 1 + Long.numberOfTrailingZeros(leafNumber);
    }

    private static void checkLeaves(String name, long value, long min) {
        if (value < min || value > MAX_LEAVES) {
            throw new IllegalArgumentException(name + "=" + value + ", want " + min + ".." + MAX_LEAVES);
        }
    }
}
