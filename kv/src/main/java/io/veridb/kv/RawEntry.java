package io.veridb.kv;

import io.veridb.proofs.KvMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * A transaction entry as stored and hashed (the immudb {@code TxEntry} message).
 *
 * @param key stored key (with its 0x00 / 0x01 prefix)
 * @param metadata the entry's metadata
 * @param hValue SHA-256 of the stored value, 32 bytes
 * @param vLen length of the stored value
 * @param value the stored value, present only for {@link EntryAction#RAW_VALUE}
 */
public record RawEntry(byte[] key, KvMetadata metadata, byte[] hValue, int vLen, Optional<byte[]> value) {

    public RawEntry {
        key = Objects.requireNonNull(key, "key").clone();
        Objects.requireNonNull(metadata, "metadata");
        hValue = Objects.requireNonNull(hValue, "hValue").clone();
        if (hValue.length != 32 || vLen < 0) {
            throw new IllegalArgumentException("raw entry hValue length=" + hValue.length + " vLen=" + vLen
                    + ", want 32 and >= 0");
        }
        value = Objects.requireNonNull(value, "value").map(byte[]::clone);
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] hValue() {
        return hValue.clone();
    }

    @Override
    public Optional<byte[]> value() {
        return value.map(byte[]::clone);
    }
}
