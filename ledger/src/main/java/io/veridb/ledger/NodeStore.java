package io.veridb.ledger;

import io.veridb.proofs.Hashes;
import io.veridb.proofs.NodeLayout;
import io.veridb.proofs.TreeNodes;
import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Owner of the node file {@code aht.nodes}: the append-only tree over Alh values, stored in post-order so that
 * any node is one read and nothing is rebuilt at start-up.
 *
 * <pre>
 * file := FileHeader(magic "VDBNODES", version 1, aux 0) slot*
 * slot := hash:32        ; slot p holds node (h, i) with p = NodeLayout.position(h, i)
 * </pre>
 *
 * A level-0 slot holds {@code Alh(i + 1)} itself rather than its leaf hash {@code leaf(Alh)}: the node is one
 * SHA-256 away, and the file doubles as the Alh-by-id index (so tx records need not store it). Slots carry no CRC:
 * the file is derived from the tx log, every node is checkable from its children and every Alh from the chain;
 * the open-time re-check and {@link LedgerVerifier} do exactly that, and the writer makes the file durable at
 * checkpoints, re-deriving anything after the last checkpoint at open. The file is grown sparsely; the number
 * of valid slots is {@code NodeLayout.nodeCount(lastTxId)}.
 */
final class NodeStore implements TreeNodes, Closeable {

    static final byte[] MAGIC = FileHeader.magic("VDBNODES");
    static final int VERSION = 1;
    static final String FILE = "aht.nodes";

    private final SlotFile file;

    private NodeStore(SlotFile file) {
        this.file = file;
    }

    static NodeStore open(FileIO io, Path dir, boolean readOnly) throws IOException {
        return new NodeStore(SlotFiles.open(io, dir.resolve(FILE), MAGIC, VERSION, Hashes.SIZE, readOnly));
    }

    /** Alh of transaction {@code txId}; {@code H("")} for 0. */
    byte[] alh(long txId) {
        if (txId == 0) {
            return Hashes.empty();
        }
        return slot(NodeLayout.position(0, txId - 1));
    }

    /** The raw content of {@code slot} (an Alh for level-0 slots). */
    byte[] slot(long slot) {
        byte[] out = new byte[Hashes.SIZE];
        try {
            file.read(slot, out, 0);
        } catch (IOException e) {
            throw new UncheckedIOException(Kv.kv("file", FILE, "slot", slot) + ": " + e.getMessage(), e);
        }
        return out;
    }

    @Override
    public byte[] node(int level, long index) {
        byte[] s = slot(NodeLayout.position(level, index));
        return level == 0 ? Hashes.leaf(s) : s;
    }

    /** Writes raw slots (Alh for level 0) starting at {@code firstSlot}. */
    void write(long firstSlot, ByteBuffer slots) throws IOException {
        file.write(firstSlot, slots);
    }

    long offsetOf(long slot) {
        return file.offsetOf(slot);
    }

    void force() throws IOException {
        file.force();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
