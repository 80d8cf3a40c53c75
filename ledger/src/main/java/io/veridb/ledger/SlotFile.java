package io.veridb.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * A file of fixed-size slots after a {@link FileHeader}, written with positional writes and read through
 * read-only memory maps. The file is grown sparsely in {@link #CHUNK}-byte steps so that every mapped chunk lies
 * inside the file; how many slots are valid is tracked by the owner, not by the file size. Reads are
 * thread-safe; writes are for one thread.
 */
final class SlotFile implements Closeable {

    /** Mapping and growth unit: 64 MiB. Slot sizes and the header size divide it. */
    static final int CHUNK = 1 << 26;

    private final FileHandle handle;
    private final int slotBytes;
    private long capacity;
    private volatile ByteBuffer[] chunks = new ByteBuffer[0];

    SlotFile(FileHandle handle, int slotBytes) throws IOException {
        if (CHUNK % slotBytes != 0 || FileHeader.BYTES % slotBytes != 0 && slotBytes % FileHeader.BYTES != 0) {
            throw new IllegalArgumentException("slotBytes=" + slotBytes + " must divide " + CHUNK);
        }
        this.handle = handle;
        this.slotBytes = slotBytes;
        this.capacity = handle.size();
    }

    FileHandle handle() {
        return handle;
    }

    /** Byte offset of {@code slot} in the file. */
    long offsetOf(long slot) {
        return FileHeader.BYTES + slot * slotBytes;
    }

    /** Writes {@code slots} (a whole number of slots) starting at slot {@code firstSlot}, growing the file. */
    void write(long firstSlot, ByteBuffer slots) throws IOException {
        long off = offsetOf(firstSlot);
        long endOff = off + slots.remaining();
        ensureCapacity(endOff);
        handle.write(slots, off);
    }

    private void ensureCapacity(long bytes) throws IOException {
        if (bytes <= capacity) {
            return;
        }
        long newCap = (bytes + CHUNK - 1) / CHUNK * CHUNK;
        handle.write(ByteBuffer.allocate(1), newCap - 1);
        capacity = newCap;
    }

    /** Copies slot {@code slot} into {@code dst[off…]}; {@link java.io.EOFException} past the end. */
    void read(long slot, byte[] dst, int off) throws IOException {
        long pos = offsetOf(slot);
        ByteBuffer c = chunk(pos);
        if (c == null) {
            handle.readFully(ByteBuffer.wrap(dst, off, slotBytes), pos);
            return;
        }
        c.get((int) (pos % CHUNK), dst, off, slotBytes);
    }

    /** Reads an 8-byte slot as a big-endian long. */
    long readLong(long slot) throws IOException {
        long pos = offsetOf(slot);
        ByteBuffer c = chunk(pos);
        if (c == null) {
            ByteBuffer b = ByteBuffer.allocate(8);
            handle.readFully(b, pos);
            return b.getLong(0);
        }
        return c.getLong((int) (pos % CHUNK));
    }

    private ByteBuffer chunk(long pos) throws IOException {
        int idx = (int) (pos / CHUNK);
        ByteBuffer[] arr = chunks;
        if (idx < arr.length && arr[idx] != null) {
            return arr[idx];
        }
        return mapChunk(idx);
    }

    private synchronized ByteBuffer mapChunk(int idx) throws IOException {
        ByteBuffer[] arr = chunks;
        if (idx < arr.length && arr[idx] != null) {
            return arr[idx];
        }
        long size = handle.size();
        if ((long) (idx + 1) * CHUNK > size) {
            return null; // a file cut short (only seen by recovery and the verifier): read without a map
        }
        ByteBuffer[] grown = java.util.Arrays.copyOf(arr, Math.max(arr.length, idx + 1));
        grown[idx] = handle.mapReadOnly((long) idx * CHUNK, CHUNK);
        chunks = grown;
        return grown[idx];
    }

    void force() throws IOException {
        handle.force();
    }

    @Override
    public void close() throws IOException {
        chunks = new ByteBuffer[0];
        handle.close();
    }
}
