package io.veridb.events;

import java.util.Arrays;

/**
 * The value of a posting row: the ascending positions of one transaction's events that carry a tag or type.
 *
 * <pre>
 * row := count:varint first:varint (delta:varint){count-1}      delta = position - previous position (>= 1)
 * </pre>
 */
final class PostingRow {
    private PostingRow() {}

    static byte[] encode(long[] positions, int count) {
        byte[] out = new byte[ProtoWire.varintSize(count) + 10 * count];
        int at = ProtoWire.writeVarint(out, 0, count);
        long previous = 0;
        for (int i = 0; i < count; i++) {
            at = ProtoWire.writeVarint(out, at, positions[i] - previous);
            previous = positions[i];
        }
        return Arrays.copyOf(out, at);
    }

    /** Decodes into a new array. @throws IllegalArgumentException on malformed bytes */
    static long[] decode(byte[] row) {
        ProtoWire.Reader reader = new ProtoWire.Reader(row, 0, row.length);
        long count = reader.varint();
        if (count < 0 || count > row.length) {
            throw new IllegalArgumentException("posting row count " + count + " in " + row.length + " bytes");
        }
        long[] out = new long[(int) count];
        long previous = 0;
        for (int i = 0; i < count; i++) {
            previous += reader.varint();
            out[i] = previous;
        }
        return out;
    }
}
