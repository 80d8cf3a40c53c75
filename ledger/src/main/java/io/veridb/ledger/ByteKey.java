package io.veridb.ledger;

import java.util.Arrays;

/**
 * A byte array as a hash-map key (not copied: callers hand over ownership). The hash is computed once, since the
 * writer looks each key up several times per transaction.
 */
final class ByteKey {

    private final byte[] bytes;
    private final int hash;

    ByteKey(byte[] bytes) {
        this.bytes = bytes;
        this.hash = Arrays.hashCode(bytes);
    }

    byte[] bytes() {
        return bytes;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteKey k && hash == k.hash && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return hash;
    }

    @Override
    public String toString() {
        return Kv.hex(bytes);
    }
}
