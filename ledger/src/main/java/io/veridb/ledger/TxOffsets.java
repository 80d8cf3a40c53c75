package io.veridb.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/**
 * Owner of {@code tx.offsets}: where each transaction's record starts in the tx log.
 *
 * <pre>
 * file := FileHeader(magic "VDBTXOFF", version 1, aux 0) slot*
 * slot := txLogPos:u64   ; slot id−1 = packed tx-log position (Segments.pos) of transaction id's record
 * </pre>
 *
 * Derived from the tx log (no CRC): a wrong slot sends a read to a record whose CRC, seeded with the transaction
 * id, then fails. Made durable at checkpoints; re-derived after the last checkpoint at open. Grown sparsely.
 */
final class TxOffsets implements Closeable {

    static final byte[] MAGIC = FileHeader.magic("VDBTXOFF");
    static final int VERSION = 1;
    static final String FILE = "tx.offsets";
    static final int SLOT = 8;

    private final SlotFile file;

    private TxOffsets(SlotFile file) {
        this.file = file;
    }

    static TxOffsets open(FileIO io, Path dir, boolean readOnly) throws IOException {
        return new TxOffsets(SlotFiles.open(io, dir.resolve(FILE), MAGIC, VERSION, SLOT, readOnly));
    }

    /** Packed tx-log position of transaction {@code txId}'s record. */
    long get(long txId) {
        try {
            return file.readLong(txId - 1);
        } catch (IOException e) {
            throw new UncheckedIOException(Kv.kv("file", FILE, "tx", txId) + ": " + e.getMessage(), e);
        }
    }

    long offsetOf(long txId) {
        return file.offsetOf(txId - 1);
    }

    /** Writes the positions of transactions {@code firstTxId, firstTxId + 1, …}. */
    void write(long firstTxId, ByteBuffer positions) throws IOException {
        file.write(firstTxId - 1, positions);
    }

    void force() throws IOException {
        file.force();
    }

    @Override
    public void close() throws IOException {
        file.close();
    }
}
