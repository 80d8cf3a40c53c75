package io.veridb.ledger;

import io.veridb.proofs.KvMetadata;
import java.util.Arrays;
import java.util.Objects;

/**
 * One entry to commit: the key and value exactly as stored and hashed (the data model adds its prefixes) and the
 * entry metadata. Arrays are copied on the way in and out.
 */
public record EntrySpec(byte[] key, byte[] value, KvMetadata metadata) {

    public EntrySpec {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(metadata, "metadata");
        key = key.clone();
        value = value.clone();
    }

    /** An entry without metadata. */
    public EntrySpec(byte[] key, byte[] value) {
        this(key, value, KvMetadata.NONE);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** The key without a copy; callers in this package must not modify it. */
    byte[] rawKey() {
        return key;
    }

    /** The value without a copy; callers in this package must not modify it. */
    byte[] rawValue() {
        return value;
    }

    /** Length of the stored value in bytes. */
    public int valueLength() {
        return value.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof EntrySpec e && Arrays.equals(key, e.key) && Arrays.equals(value, e.value)
                && metadata.equals(e.metadata);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * Arrays.hashCode(key) + Arrays.hashCode(value)) + metadata.hashCode();
    }

    @Override
    public String toString() {
        return "EntrySpec[" + Kv.kv("key", key, "value", value, "metadata", metadata) + "]";
    }
}
