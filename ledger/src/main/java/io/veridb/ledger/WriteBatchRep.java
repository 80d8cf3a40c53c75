package io.veridb.ledger;

import java.util.Arrays;

/**
 * Builds a RocksDB write batch in RocksDB's own serialized form, so a whole group commit crosses JNI once
 * ({@code new WriteBatch(byte[])}) instead of once per put. The grammar is RocksDB's
 * ({@code db/write_batch.cc}, stable since 3.x; RocksDB checks the count against the records when it applies
 * the batch):
 *
 * <pre>
 * rep       := sequence:fixed64 count:fixed32 record*        ; little-endian; sequence is assigned on write (0 here)
 * record    := 0x01 varstring(key) varstring(value)           ; put, default column family
 *            | 0x05 varint32(cf) varstring(key) varstring(value) ; put, column family cf
 *            | 0x00 varstring(key)                            ; delete, default column family
 *            | 0x04 varint32(cf) varstring(key)               ; delete, column family cf
 * varstring := varint32(length) bytes
 * </pre>
 *
 * Not thread-safe.
 */
final class WriteBatchRep {

    /** Bytes before the first record: sequence and count. */
    static final int HEADER_BYTES = 12;
    private static final byte TYPE_DELETION = 0x00;
    private static final byte TYPE_VALUE = 0x01;
    private static final byte TYPE_CF_DELETION = 0x04;
    private static final byte TYPE_CF_VALUE = 0x05;

    private byte[] buf;
    private int pos = HEADER_BYTES;
    private int count;

    WriteBatchRep(int initialBytes) {
        buf = new byte[Math.max(HEADER_BYTES + 16, initialBytes)];
    }

    /** Appends a put of {@code key → value} in column family {@code cf} (0 is the default family). */
    void put(int cf, byte[] key, byte[] value) {
        put(cf, key, value, value.length);
    }

    /** As {@link #put(int, byte[], byte[])} with the value {@code value[0, valueLength)}. */
    void put(int cf, byte[] key, byte[] value, int valueLength) {
        ensure(16 + key.length + valueLength);
        if (cf == 0) {
            buf[pos++] = TYPE_VALUE;
        } else {
            buf[pos++] = TYPE_CF_VALUE;
            varint(cf);
        }
        bytes(key, key.length);
        bytes(value, valueLength);
        count++;
    }

    /** Appends a delete of {@code key} in column family {@code cf}. */
    void delete(int cf, byte[] key) {
        ensure(11 + key.length);
        if (cf == 0) {
            buf[pos++] = TYPE_DELETION;
        } else {
            buf[pos++] = TYPE_CF_DELETION;
            varint(cf);
        }
        bytes(key, key.length);
        count++;
    }

    /** Appends every record of {@code other}, in its order. */
    void append(WriteBatchRep other) {
        int n = other.pos - HEADER_BYTES;
        ensure(n);
        System.arraycopy(other.buf, HEADER_BYTES, buf, pos, n);
        pos += n;
        count += other.count;
    }

    int count() {
        return count;
    }

    /** The serialized batch (a copy, with the count filled in). */
    byte[] toByteArray() {
        byte[] out = Arrays.copyOf(buf, pos);
        for (int i = 0; i < 8; i++) {
            out[i] = 0;
        }
        for (int i = 0; i < 4; i++) {
            out[8 + i] = (byte) (count >>> (8 * i));
        }
        return out;
    }

    /** Drops every record; keeps the buffer. */
    void clear() {
        pos = HEADER_BYTES;
        count = 0;
    }

    private void bytes(byte[] b, int length) {
        varint(length);
        System.arraycopy(b, 0, buf, pos, length);
        pos += length;
    }

    private void varint(int v) {
        while ((v & ~0x7F) != 0) {
            buf[pos++] = (byte) ((v & 0x7F) | 0x80);
            v >>>= 7;
        }
        buf[pos++] = (byte) v;
    }

    private void ensure(int more) {
        if ((long) pos + more <= buf.length) {
            return;
        }
        long want = Math.max((long) buf.length * 2, (long) pos + more);
        if (want > Integer.MAX_VALUE - 8) {
            throw new IllegalStateException(Kv.kv("writeBatchBytes", want, "limit", Integer.MAX_VALUE - 8));
        }
        buf = Arrays.copyOf(buf, (int) want);
    }
}
