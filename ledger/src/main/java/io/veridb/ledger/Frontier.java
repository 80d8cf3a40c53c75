package io.veridb.ledger;

import io.veridb.proofs.AppendOnlyTree;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.TreeNodes;
import java.util.List;

/**
 * The right edge of the append-only tree: the newest node of every level, which is all that appending a leaf or
 * computing the current root reads. Lets the verifier recompute the tree from the log in O(log n) memory.
 */
final class Frontier implements TreeNodes {

    private final byte[][] hash = new byte[64][];
    private final long[] index = new long[64];
    private long size;

    long size() {
        return size;
    }

    @Override
    public byte[] node(int level, long idx) {
        if (hash[level] == null || index[level] != idx) {
            throw new IllegalStateException("frontier holds no node " + Kv.kv("level", level, "index", idx,
                    "size", size));
        }
        return hash[level];
    }

    /** Appends the leaf of {@code alh}; returns the nodes it completes (leaf hash first, as nodesToAppend). */
    List<byte[]> append(byte[] alh) {
        List<byte[]> added = AppendOnlyTree.nodesToAppend(this, size, Hashes.leaf(alh));
        size++;
        for (int level = 0; level < added.size(); level++) {
            hash[level] = added.get(level);
            index[level] = (size >>> level) - 1;
        }
        return added;
    }

    /** Root of the current tree; zeros when empty (as blRoot of transaction 1). */
    byte[] root() {
        return size == 0 ? Hashes.zero() : AppendOnlyTree.root(this, size);
    }
}
