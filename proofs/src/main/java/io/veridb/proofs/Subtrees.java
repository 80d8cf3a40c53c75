package io.veridb.proofs;

/** Merkle Tree Hash of leaf ranges, assembled from aligned perfect subtrees read through {@link TreeNodes}. */
final class Subtrees {

    private Subtrees() {}

    /**
     * MTH of the 0-based leaves {@code [start, end)}. The range must start at a multiple of the largest power of
     * two not above its length, which holds for every range the RFC 6962 recursion produces. Reads
     * {@code popcount(end − start)} nodes. Through a {@link FoldingTree}, every suffix range of the fold is
     * remembered, and a remembered range costs nothing.
     */
    static byte[] mth(TreeNodes nodes, long start, long end) {
        long len = end - start;
        if (len < 1 || start < 0) {
            throw new IllegalArgumentException("leaf range [" + start + ", " + end + ") is empty or negative");
        }
        long top = Long.highestOneBit(len);
        if (start % top != 0) {
            throw new IllegalArgumentException("leaf range [" + start + ", " + end + ") is not aligned to " + top);
        }
        FoldingTree memo = len != top && nodes instanceof FoldingTree f ? f : null; // a perfect range is one read
        if (memo != null) {
            byte[] known = memo.folded(start, end);
            if (known != null) {
                return known.clone();
            }
        }
        int count = Long.bitCount(len);
        byte[][] parts = new byte[count][];
        long[] starts = new long[count];
        long pos = start;
        long rest = len;
        for (int k = 0; k < count; k++) {
            long size = Long.highestOneBit(rest);
            int level = Long.numberOfTrailingZeros(size);
            byte[] node = nodes.node(level, pos >>> level);
            if (node == null || node.length != Hashes.SIZE) {
                Checks.hash("node(" + level + "," + (pos >>> level) + ")", node); // throws with the details
            }
            parts[k] = node;
            starts[k] = pos;
            pos += size;
            rest -= size;
        }
        byte[] acc = parts[count - 1];
        for (int k = count - 2; k >= 0; k--) {
            acc = Hashes.node(parts[k], acc);
            parts[k] = acc; // parts[k] becomes the hash of [starts[k], end)
        }
        if (memo != null) { // not a perfect range, so count > 1
            memo.remember(end, starts, parts);
        }
        return acc.clone();
    }
}
