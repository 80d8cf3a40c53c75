package io.veridb.proofs;

/**
 * Read access to the perfect subtrees of an append-only tree over Alh values (protocol spec §3.6).
 *
 * <p>{@code node(level, index)} is the hash of the perfect subtree over the 0-based leaves
 * {@code [index·2^level, (index+1)·2^level)}: level 0 is {@code Hashes.leaf(alh)} of transaction
 * {@code index + 1}, and {@code node(l, i) = Hashes.node(node(l−1, 2i), node(l−1, 2i+1))}. Callers only ask
 * for subtrees that are complete in the tree they query. Implemented by the ledger's node file and by
 * {@link MemoryTree}; implementations may throw unchecked exceptions for nodes they do not hold.
 */
@FunctionalInterface
public interface TreeNodes {

    /**
     * The 32-byte hash of the perfect subtree at {@code level} and {@code index}; the caller must not modify it
     * if the implementation does not copy.
     */
    byte[] node(int level, long index);
}
