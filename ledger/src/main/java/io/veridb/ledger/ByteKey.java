package io.veridb.ledger;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * A byte array as a hash-map key (not copied: callers hand over ownership). Its 64-bit hash is computed once, on
 * the committing thread, since the writer looks each key up several times per transaction and the
 * {@link KeyFilter} needs a well-mixed hash.
 */
final class ByteKey {

    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);

    private final byte[] bytes;
    private final long hash64;

    ByteKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash64 = hash64(bytes);
    }

    byte[] bytes() {
        return bytes;
    }

    long hash64() {
        return hash64;
    }

    /** A 64-bit hash of {@code b}: 8 bytes per multiply, then the splitmix64 finalizer. */
    static long hash64(byte[] b) {
        long h = 0x9E3779B97F4A7C15L ^ b.length;
        int i = 0;
        for (; i + Long.BYTES <= b.length; i += Long.BYTES) {
            h = (h ^ (long) LONGS.get(b, i)) * 0xBF58476D1CE4E5B9L;
            h ^= h >>> 29;
        }
        for (; i < b.length; i++) {
            h = (h ^ (b[i] & 0xFF)) * 0x94D049BB133111EBL;
        }
        h = (h ^ (h >>> 30)) * 0xBF58476D1CE4E5B9L;
        h = (h ^ (h >>> 27)) * 0x94D049BB133111EBL;
        return h ^ (h >>> 31);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteKey k && hash64 == k.hash64 && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return (int) (hash64 ^ (hash64 >>> 32));
    }

    @Override
    public String toString() {
        return Kv.hex(bytes);
    }
}
