package io.veridb.proofs;

import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory append-only tree over Alh values, for tests and clients. Holds every perfect subtree, so memory
 * is about {@code 2 · size · 32} bytes. Not thread-safe.
 */
public final class MemoryTree implements TreeNodes {

    private final List<List<byte[]>> levels = new ArrayList<>();
    private long size;

    /** Appends leaf {@code size() + 1} = {@code Hashes.leaf(alh)} and returns the new size. */
    public long append(byte[] alh) {
        Checks.hash("alh", alh);
        if (size == Integer.MAX_VALUE) {
            throw new IllegalStateException("memory tree is full at size " + size);
        }
        List<byte[]> added = AppendOnlyTree.nodesToAppend(this, size, Hashes.leaf(alh));
        for (int level = 0; level < added.size(); level++) {
            if (levels.size() == level) {
                levels.add(new ArrayList<>());
            }
            levels.get(level).add(added.get(level));
        }
        return ++size;
    }

    /** Number of leaves. */
    public long size() {
        return size;
    }

    /** Root of the whole tree; requires {@code size() ≥ 1}. */
    public byte[] root() {
        return AppendOnlyTree.root(this, size);
    }

    /** {@inheritDoc} Returns a copy. */
    @Override
    public byte[] node(int level, long index) {
        if (level < 0 || level >= levels.size() || index < 0 || index >= levels.get(level).size()) {
            throw new IllegalArgumentException("node level=" + level + " index=" + index
                    + " is not complete in a tree of size " + size);
        }
        return levels.get(level).get((int) index).clone();
    }
}
