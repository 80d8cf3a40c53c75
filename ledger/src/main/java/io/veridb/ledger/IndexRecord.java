package io.veridb.ledger;

import java.util.Arrays;
import java.util.Objects;

/** One record of a secondary index. Arrays are copied. */
public record IndexRecord(byte[] key, byte[] value) {

    public IndexRecord {
        key = Objects.requireNonNull(key, "key").clone();
        value = Objects.requireNonNull(value, "value").clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IndexRecord r && Arrays.equals(key, r.key) && Arrays.equals(value, r.value);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(key) + Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return "IndexRecord[" + Kv.kv("key", key, "value", value) + "]";
    }
}
