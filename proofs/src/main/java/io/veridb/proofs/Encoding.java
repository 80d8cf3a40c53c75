package io.veridb.proofs;

/** Big-endian fixed-width integer writer used by every hashed layout in this package. */
final class Encoding {

    private final byte[] buf;
    private int pos;

    Encoding(int capacity) {
        this.buf = new byte[capacity];
    }

    Encoding u8(int v) {
        buf[pos++] = (byte) v;
        return this;
    }

    Encoding u16(int v) {
        if (v < 0 || v > 0xFFFF) {
            throw new IllegalArgumentException("value " + v + " does not fit u16 (max 65535)");
        }
        buf[pos++] = (byte) (v >>> 8);
        buf[pos++] = (byte) v;
        return this;
    }

    Encoding u32(long v) {
        if (v < 0 || v > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("value " + v + " does not fit u32 (max 4294967295)");
        }
        for (int shift = 24; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
        return this;
    }

    Encoding u64(long v) {
        for (int shift = 56; shift >= 0; shift -= 8) {
            buf[pos++] = (byte) (v >>> shift);
        }
        return this;
    }

    Encoding bytes(byte[] b) {
        System.arraycopy(b, 0, buf, pos, b.length);
        pos += b.length;
        return this;
    }

    byte[] toArray() {
        if (pos != buf.length) {
            throw new IllegalStateException("encoded " + pos + " bytes, want " + buf.length);
        }
        return buf;
    }

    static long readU64(byte[] b, int off) {
        long v = 0;
        for (int i = 0; i < 8; i++) {
            v = (v << 8) | (b[off + i] & 0xFF);
        }
        return v;
    }

    static int readU16(byte[] b, int off) {
        return ((b[off] & 0xFF) << 8) | (b[off + 1] & 0xFF);
    }

    static byte[] bigEndian64(long v) {
        return new Encoding(8).u64(v).toArray();
    }
}
