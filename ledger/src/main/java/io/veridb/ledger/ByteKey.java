package io.veridb.ledger;

import java.util.Arrays;

/** A byte array as a hash-map key (not copied: callers hand over ownership). */
record ByteKey(byte[] bytes) {

    @Override
    public boolean equals(Object o) {
        return o instanceof ByteKey k && Arrays.equals(bytes, k.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return Kv.hex(bytes);
    }
}
