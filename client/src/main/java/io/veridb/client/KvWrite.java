package io.veridb.client;

import io.veridb.proofs.KvMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One key/value pair to write.
 *
 * @param key user key, non-empty
 * @param value user value
 * @param metadata entry metadata ({@link KvMetadata#NONE} for none); {@code deleted} is not allowed here
 */
public record KvWrite(byte[] key, byte[] value, KvMetadata metadata) {

    public KvWrite {
        key = Bytes.copy("key", key);
        if (key.length == 0) {
            throw new IllegalArgumentException("key is empty, want at least 1 byte");
        }
        value = Bytes.copy("value", value);
        Objects.requireNonNull(metadata, "metadata");
        if (metadata.deleted()) {
            throw new IllegalArgumentException("a write cannot carry the deleted attribute; use delete()");
        }
    }

    /** A pair without metadata. */
    public static KvWrite of(byte[] key, byte[] value) {
        return new KvWrite(key, value, KvMetadata.NONE);
    }

    /** A pair of UTF-8 strings without metadata. */
    public static KvWrite of(String key, String value) {
        return of(key.getBytes(StandardCharsets.UTF_8), value.getBytes(StandardCharsets.UTF_8));
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
        return o instanceof KvWrite w && Arrays.equals(key, w.key) && Arrays.equals(value, w.value)
                && metadata.equals(w.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), Arrays.hashCode(value), metadata);
    }

    @Override
    public String toString() {
        return "KvWrite[key=" + Bytes.brief(key) + " value=" + Bytes.brief(value) + " metadata=" + metadata + "]";
    }
}
