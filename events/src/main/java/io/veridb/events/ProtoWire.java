package io.veridb.events;

import java.nio.charset.StandardCharsets;

/** Protocol-buffers wire primitives (varints, length-delimited fields) over byte arrays. */
final class ProtoWire {
    static final int LEN = 2;
    static final int VARINT = 0;

    private ProtoWire() {}

    static int varintSize(long value) {
        int size = 1;
        while ((value & ~0x7FL) != 0) {
            value >>>= 7;
            size++;
        }
        return size;
    }

    static int writeVarint(byte[] out, int at, long value) {
        while ((value & ~0x7FL) != 0) {
            out[at++] = (byte) ((value & 0x7F) | 0x80);
            value >>>= 7;
        }
        out[at++] = (byte) value;
        return at;
    }

    /** Size of a length-delimited field with a one-byte tag and {@code length} payload bytes. */
    static int lenFieldSize(int length) {
        return 1 + varintSize(length) + length;
    }

    static int writeLenField(byte[] out, int at, int field, byte[] payload) {
        out[at++] = (byte) (field << 3 | LEN);
        at = writeVarint(out, at, payload.length);
        System.arraycopy(payload, 0, out, at, payload.length);
        return at + payload.length;
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A forward reader over {@code [from, to)} of a byte array; throws IllegalArgumentException on bad input. */
    static final class Reader {
        private final byte[] bytes;
        private int at;
        private final int end;

        Reader(byte[] bytes, int from, int to) {
            this.bytes = bytes;
            this.at = from;
            this.end = to;
        }

        boolean hasMore() {
            return at < end;
        }

        int position() {
            return at;
        }

        long varint() {
            long result = 0;
            for (int shift = 0; shift < 64; shift += 7) {
                if (at >= end) {
                    throw new IllegalArgumentException("varint runs past end at offset " + at);
                }
                byte b = bytes[at++];
                result |= (long) (b & 0x7F) << shift;
                if ((b & 0x80) == 0) {
                    return result;
                }
            }
            throw new IllegalArgumentException("varint longer than 10 bytes at offset " + at);
        }

        /** Reads a length prefix and returns the start offset of the payload, advancing past it. */
        int lengthDelimited() {
            long length = varint();
            if (length < 0 || length > end - at) {
                throw new IllegalArgumentException("length " + length + " exceeds remaining " + (end - at)
                        + " bytes at offset " + at);
            }
            int start = at;
            at += (int) length;
            return start;
        }

        String string(int start) {
            return new String(bytes, start, at - start, StandardCharsets.UTF_8);
        }
    }
}
