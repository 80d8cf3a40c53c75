package io.veridb.proofs;

import java.util.Arrays;
import java.util.Objects;

/**
 * A view of a tree for one piece of proof work (a dual proof and the headers it carries) that remembers the
 * hashes of the leaf ranges it has folded, and the leaf hashes it has read. A dual proof folds the same right
 * edge several times: the root of {@code T.blTxId} leaves (T's blRoot) is the fold of the perfect subtrees of
 * that size, and every non-perfect range of the inclusion and consistency proofs ending there is a suffix of that
 * same fold. Folding once and keeping every suffix makes the later ranges free. Not thread-safe; meant to live
 * for one request (it holds a few dozen hashes).
 */
public final class FoldingTree implements TreeNodes {

    /** The suffix folds ending at one tree size: {@code hashes[k]} is the hash of leaves {@code [starts[k], end)}. */
    private record Edge(long end, long[] starts, byte[][] hashes) {}

    private final TreeNodes nodes;
    private Edge[] edges = new Edge[0];
    private long[] leafIndexes = new long[0];
    private byte[][] leaves = new byte[0][];

    public FoldingTree(TreeNodes nodes) {
        this.nodes = Objects.requireNonNull(nodes, "nodes");
    }

    @Override
    public byte[] node(int level, long index) {
        if (level != 0) {
            return nodes.node(level, index);
        }
        for (int i = 0; i < leafIndexes.length; i++) {
            if (leafIndexes[i] == index) {
                return leaves[i];
            }
        }
        byte[] leaf = nodes.node(0, index);
        leafIndexes = Arrays.copyOf(leafIndexes, leafIndexes.length + 1);
        leaves = Arrays.copyOf(leaves, leaves.length + 1);
        leafIndexes[leafIndexes.length - 1] = index;
        leaves[leaves.length - 1] = leaf;
        return leaf;
    }

    /** The remembered hash of leaves {@code [start, end)}, or null; not a copy. */
    byte[] folded(long start, long end) {
        for (Edge e : edges) {
            if (e.end == end) {
                for (int k = 0; k < e.starts.length; k++) {
                    if (e.starts[k] == start) {
                        return e.hashes[k];
                    }
                }
            }
        }
        return null;
    }

    /** Remembers {@code hashes[k]} as the hash of leaves {@code [starts[k], end)}; keeps the arrays. */
    void remember(long end, long[] starts, byte[][] hashes) {
        edges = Arrays.copyOf(edges, edges.length + 1);
        edges[edges.length - 1] = new Edge(end, starts, hashes);
    }
}
