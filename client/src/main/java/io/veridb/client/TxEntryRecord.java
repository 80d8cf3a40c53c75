package io.veridb.client;

import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One raw entry of a transaction (immudb {@code TxEntry}), exactly as hashed, with its stored value when the read
 * asked for it ({@link EntriesSpec.Action#RAW_VALUE}).
 *
 * @param key stored key, with its data-model prefix ({@code 0x00} key/value, {@code 0x01} sorted set)
 * @param hValue SHA-256 of the stored value, 32 bytes
 * @param vLen length of the stored value
 * @param metadata entry metadata
 * @param value the stored value, with its data-model prefix (so {@code SHA-256(value) == hValue}); empty when the
 *     read did not ask for values of this entry's kind
 */
public record TxEntryRecord(byte[] key, byte[] hValue, int vLen, KvMetadata metadata, Optional<byte[]> value) {

    public TxEntryRecord {
        key = Bytes.copy("key", key);
        hValue = Bytes.copy("hValue", hValue);
        if (hValue.length != Hashes.SIZE) {
            throw new IllegalArgumentException("hValue has " + hValue.length + " bytes, want " + Hashes.SIZE);
        }
        if (vLen < 0) {
            throw new IllegalArgumentException("vLen=" + vLen + ", want >= 0");
        }
        Objects.requireNonNull(metadata, "metadata");
        value = Objects.requireNonNull(value, "value").map(byte[]::clone);
    }

    /** A raw entry without its value. */
    public TxEntryRecord(byte[] key, byte[] hValue, int vLen, KvMetadata metadata) {
        this(key, hValue, vLen, metadata, Optional.empty());
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

    /** This entry without its value. */
    TxEntryRecord withoutValue() {
        return value.isEmpty() ? this : new TxEntryRecord(key, hValue, vLen, metadata);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxEntryRecord e && vLen == e.vLen && Arrays.equals(key, e.key)
                && Arrays.equals(hValue, e.hValue) && metadata.equals(e.metadata)
                && value.isPresent() == e.value.isPresent()
                && (value.isEmpty() || Arrays.equals(value.get(), e.value.get()));
    }

    @Override
    public int hashCode() {
        return Objects.hash(vLen, Arrays.hashCode(key), Arrays.hashCode(hValue), metadata,
                value.map(Arrays::hashCode).orElse(-1));
    }

    @Override
    public String toString() {
        return "TxEntryRecord[key=" + Bytes.brief(key) + " hValue=" + Bytes.hex(hValue) + " vLen=" + vLen
                + " metadata=" + metadata + value.map(v -> " value=" + Bytes.brief(v)).orElse("") + "]";
    }
}
