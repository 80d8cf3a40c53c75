package io.veridb.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Optional;
import java.util.zip.CRC32C;

/**
 * Owner of the {@code checkpoint} file: up to which transaction the derived files (node file, offsets) are
 * durable, and where the logs end after it. Two slots written alternately, so a torn write leaves the other.
 *
 * <pre>
 * file := slot slot                     ; slot k at offset 64·k; the valid slot with the larger seq wins
 * slot := magic "VDBCHKPT":8 version:u32 seq:u64 txId:u64 txLogEnd:u64 valueLogEnd:u64 reserved:16 crc:u32
 *                                       ; crc = CRC32C(first 60 bytes); positions packed (Segments.pos)
 * </pre>
 */
final class Checkpoint implements Closeable {

    static final byte[] MAGIC = FileHeader.magic("VDBCHKPT");
    static final int VERSION = 1;
    static final String FILE = "checkpoint";
    static final int SLOT = 64;

    /** One checkpoint: derived files are durable for transactions 1…txId; the logs continue at the positions. */
    record Mark(long seq, long txId, long txLogEnd, long valueLogEnd) {}

    private final FileHandle handle;
    private long seq;

    private Checkpoint(FileHandle handle, long seq) {
        this.handle = handle;
        this.seq = seq;
    }

    static Checkpoint open(FileIO io, Path dir, boolean readOnly) throws IOException {
        Path p = dir.resolve(FILE);
        boolean existed = io.exists(p);
        if (readOnly && !existed) {
            return new Checkpoint(null, 0);
        }
        FileHandle h = readOnly ? io.openReadOnly(p) : io.open(p, true);
        if (!existed) {
            io.syncDirectory(dir);
        }
        Checkpoint c = new Checkpoint(h, 0);
        c.seq = c.read().map(Mark::seq).orElse(0L);
        return c;
    }

    /** The latest valid checkpoint, if any. */
    Optional<Mark> read() throws IOException {
        if (handle == null) {
            return Optional.empty();
        }
        Mark best = null;
        long size = handle.size();
        for (int k = 0; k < 2; k++) {
            if (size < (long) SLOT * (k + 1)) {
                continue;
            }
            ByteBuffer b = ByteBuffer.allocate(SLOT);
            handle.readFully(b, (long) SLOT * k);
            Mark m = decode(b.flip());
            if (m != null && (best == null || m.seq() > best.seq())) {
                best = m;
            }
        }
        return Optional.ofNullable(best);
    }

    static Mark decode(ByteBuffer b) {
        byte[] raw = new byte[SLOT];
        b.get(raw);
        CRC32C crc = new CRC32C();
        crc.update(raw, 0, SLOT - 4);
        ByteBuffer w = ByteBuffer.wrap(raw);
        if (w.getInt(SLOT - 4) != (int) crc.getValue()
                || !java.util.Arrays.equals(raw, 0, 8, MAGIC, 0, 8) || w.getInt(8) != VERSION) {
            return null;
        }
        return new Mark(w.getLong(12), w.getLong(20), w.getLong(28), w.getLong(36));
    }

    static ByteBuffer encode(Mark m) {
        ByteBuffer b = ByteBuffer.allocate(SLOT);
        b.put(MAGIC).putInt(VERSION).putLong(m.seq()).putLong(m.txId()).putLong(m.txLogEnd())
                .putLong(m.valueLogEnd());
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, SLOT - 4);
        b.putInt(SLOT - 4, (int) crc.getValue());
        b.position(SLOT);
        return b.flip();
    }

    /** Writes and forces a new checkpoint (the derived files must already be forced). */
    void write(long txId, long txLogEnd, long valueLogEnd) throws IOException {
        Mark m = new Mark(seq + 1, txId, txLogEnd, valueLogEnd);
        handle.write(encode(m), (m.seq() % 2) * SLOT);
        handle.force();
        seq = m.seq();
    }

    @Override
    public void close() throws IOException {
        if (handle != null) {
            handle.close();
        }
    }
}
