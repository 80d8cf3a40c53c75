package io.veridb.ledger;

import java.util.ArrayList;
import java.util.List;

/**
 * A Bloom filter over 64-bit key hashes ({@link ByteKey#hash64()}): {@code mightContain} is false only for a key
 * never added, so a false answer proves the key is new. It grows as a chain of blocked filters, each twice as big
 * as the one before (10 bits per key, about 1% false positives each), until {@code maxBytes} are used; after that
 * it is saturated and answers true for every key. Each filter keeps a key's 6 bits in one 64-byte block: one cache
 * miss per filter probed. Pure and not thread-safe.
 */
final class KeyFilter {

    private static final int BITS_PER_KEY = 10;
    private static final int BLOCK_LONGS = 8;
    private static final int PROBES = 6;

    private final long maxBytes;
    private final List<long[]> filters = new ArrayList<>();
    private long usedBytes;
    private long[] current;
    private long currentCapacity;
    private long currentCount;
    private boolean saturated;

    /**
     * @param firstCapacity keys the first filter is sized for (at least 1)
     * @param maxBytes most bytes all filters may use together
     */
    KeyFilter(long firstCapacity, long maxBytes) {
        if (firstCapacity < 1 || maxBytes < 1) {
            throw new IllegalArgumentException(Kv.kv("firstCapacity", firstCapacity, "maxBytes", maxBytes)
                    + ", want both >= 1");
        }
        this.maxBytes = maxBytes;
        grow(firstCapacity);
    }

    /** Records a key; once saturated, nothing is recorded and every key might be contained. */
    void add(long hash) {
        if (saturated) {
            return;
        }
        if (currentCount >= currentCapacity) {
            grow(currentCapacity * 2);
            if (saturated) {
                return;
            }
        }
        set(current, hash);
        currentCount++;
    }

    /** False only if no key with this hash was added (and the filter is not saturated). */
    boolean mightContain(long hash) {
        if (saturated) {
            return true;
        }
        for (int i = filters.size() - 1; i >= 0; i--) {
            if (test(filters.get(i), hash)) {
                return true;
            }
        }
        return false;
    }

    boolean saturated() {
        return saturated;
    }

    long usedBytes() {
        return usedBytes;
    }

    private void grow(long capacity) {
        long blocks = Math.max(1, (capacity * BITS_PER_KEY + 511) / 512);
        long bytes = blocks * BLOCK_LONGS * Long.BYTES;
        if (usedBytes + bytes > maxBytes || blocks * BLOCK_LONGS > Integer.MAX_VALUE - 8) {
            saturated = true;
            filters.clear();
            current = null;
            return;
        }
        current = new long[Math.toIntExact(blocks * BLOCK_LONGS)];
        currentCapacity = capacity;
        currentCount = 0;
        usedBytes += bytes;
        filters.add(current);
    }

    private static int block(long[] bits, long hash) {
        long blocks = bits.length / BLOCK_LONGS;
        return (int) Math.multiplyHigh(hash & Long.MAX_VALUE, blocks << 1) * BLOCK_LONGS;
    }

    private static void set(long[] bits, long hash) {
        int base = block(bits, hash);
        long probe = hash * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < PROBES; i++) {
            int bit = (int) (probe >>> (64 - 9 - 9 * i)) & 511;
            bits[base + (bit >>> 6)] |= 1L << bit;
        }
    }

    private static boolean test(long[] bits, long hash) {
        int base = block(bits, hash);
        long probe = hash * 0x9E3779B97F4A7C15L;
        for (int i = 0; i < PROBES; i++) {
            int bit = (int) (probe >>> (64 - 9 - 9 * i)) & 511;
            if ((bits[base + (bit >>> 6)] & (1L << bit)) == 0) {
                return false;
            }
        }
        return true;
    }
}
