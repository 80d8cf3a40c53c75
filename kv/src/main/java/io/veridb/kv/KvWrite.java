package io.veridb.kv;

import io.veridb.proofs.KvMetadata;
import java.util.Objects;

/**
 * One key/value pair to write (the immudb {@code KeyValue} message). Arrays are copied in and out.
 *
 * @param key user key (unprefixed); must be non-empty when written
 * @param value user value (unprefixed), may be empty
 * @param metadata attributes; {@link KvMetadata#NONE} for none
 */
public record KvWrite(byte[] key, byte[] value, KvMetadata metadata) implements Op {

    public KvWrite {
        key = Objects.requireNonNull(key, "key").clone();
        value = Objects.requireNonNull(value, "value").clone();
        Objects.requireNonNull(metadata, "metadata");
    }

    /** A write without metadata. */
    public KvWrite(byte[] key, byte[] value) {
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
}
