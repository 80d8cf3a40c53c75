package io.veridb.ledger;

import io.veridb.proofs.Hashes;
import io.veridb.proofs.NodeLayout;
import io.veridb.proofs.TreeNodes;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The node store plus slots appended in memory but not yet written: what the writer (and recovery) hash new
 * transactions against. Slots are raw (level-0 slots hold the Alh, see {@link NodeStore}). Not thread-safe.
 */
final class PendingNodes implements TreeNodes {

    private final NodeStore store;
    private long firstSlot;
    private long leaves;
    private final List<byte[]> slots = new ArrayList<>();

    PendingNodes(NodeStore store, long leaves) {
        this.store = store;
        reset(leaves);
    }

    /** Drops the pending slots; the store holds {@code leaves} leaves. */
    void reset(long storedLeaves) {
        this.leaves = storedLeaves;
        this.firstSlot = NodeLayout.nodeCount(storedLeaves);
        slots.clear();
    }

    long leaves() {
        return leaves;
    }

    long firstSlot() {
        return firstSlot;
    }

    boolean isEmpty() {
        return slots.isEmpty();
    }

    @Override
    public byte[] node(int level, long index) {
        long p = NodeLayout.position(level, index);
        if (p < firstSlot) {
            return store.node(level, index);
        }
        byte[] raw = slots.get(Math.toIntExact(p - firstSlot));
        return level == 0 ? Hashes.leaf(raw) : raw;
    }

    /** Alh of leaf {@code txId}, pending or stored. */
    byte[] alh(long txId) {
        if (txId == 0) {
            return Hashes.empty();
        }
        long p = NodeLayout.position(0, txId - 1);
        return p < firstSlot ? store.alh(txId) : slots.get(Math.toIntExact(p - firstSlot)).clone();
    }

    /** Appends leaf {@code leaves() + 1} with this Alh; returns the slots it adds (Alh first). */
    List<byte[]> append(byte[] alh) {
        List<byte[]> added = io.veridb.proofs.AppendOnlyTree.nodesToAppend(this, leaves, Hashes.leaf(alh));
        slots.add(alh.clone());
        for (int i = 1; i < added.size(); i++) {
            slots.add(added.get(i));
        }
        leaves++;
        return added;
    }

    /** The pending slots, ready to be written at {@link #firstSlot()}. */
    ByteBuffer slotBytes() {
        ByteBuffer b = ByteBuffer.allocate(slots.size() * Hashes.SIZE);
        for (byte[] s : slots) {
            b.put(s);
        }
        return b.flip();
    }
}
