package io.veridb.ledger;

import java.util.Arrays;
import java.util.Comparator;
import java.util.function.Function;

/**
 * Sorts items by key in RocksDB's bytewise order (unsigned lexicographic, {@link Arrays#compareUnsigned}). The
 * writer sorts every key of a group commit (often tens of thousands of random keys) and a comparator sort over
 * scattered objects was its largest Java cost. So each key's first 6 bytes are packed with the item's index into
 * a {@code long} and those are sorted as primitives; only runs of keys that share their first 6 bytes are then
 * sorted with the full comparison. Pure.
 */
final class KeySort {

    /** Most items the packed sort handles: the index takes the low 16 bits. */
    static final int MAX_PACKED = 1 << 16;
    private static final int PREFIX_BYTES = 6;

    private KeySort() {}

    /** Sorts {@code items} in place by {@code keyOf}, ascending; items with equal keys keep no particular order. */
    static <T> void sort(T[] items, Function<T, byte[]> keyOf) {
        Comparator<T> full = (a, b) -> Arrays.compareUnsigned(keyOf.apply(a), keyOf.apply(b));
        int n = items.length;
        if (n > MAX_PACKED) {
            Arrays.sort(items, full);
            return;
        }
        long[] packed = new long[n];
        for (int i = 0; i < n; i++) {
            // the sign flip makes signed order of the longs the unsigned order of the prefixes
            packed[i] = (prefix(keyOf.apply(items[i])) << 16 | i) ^ Long.MIN_VALUE;
        }
        Arrays.sort(packed);
        T[] unsorted = items.clone();
        for (int i = 0; i < n; i++) {
            items[i] = unsorted[(int) (packed[i] & 0xFFFF)];
        }
        int start = 0;
        for (int i = 1; i <= n; i++) {
            if (i == n || packed[i] >>> 16 != packed[start] >>> 16) {
                if (i - start > 1) {
                    Arrays.sort(items, start, i, full);
                }
                start = i;
            }
        }
    }

    /**
     * The first 6 bytes of {@code key}, zero-padded, as an unsigned number: when two keys' prefixes differ they
     * order as the keys do (a shorter key padded with zeros is a prefix of the longer one, hence smaller).
     */
    static long prefix(byte[] key) {
        long p = 0;
        for (int i = 0; i < PREFIX_BYTES; i++) {
            p = p << 8 | (i < key.length ? key[i] & 0xFF : 0);
        }
        return p;
    }
}
