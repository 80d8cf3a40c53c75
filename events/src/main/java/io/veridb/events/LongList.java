package io.veridb.events;

import java.util.Arrays;

/** A growable array of ascending longs. Not thread-safe. */
final class LongList {
    long[] values = new long[4];
    int size;

    /** Appends {@code value} unless it equals the last value (a tag repeated within one event). */
    void addIfNew(long value) {
        if (size > 0 && values[size - 1] == value) {
            return;
        }
        if (size == values.length) {
            values = Arrays.copyOf(values, size * 2);
        }
        values[size++] = value;
    }

    long last() {
        return values[size - 1];
    }
}
