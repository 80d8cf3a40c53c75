package io.veridb.client;

import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import java.util.Arrays;
import java.util.Objects;

/**
 * One raw entry of a transaction (immudb {@code TxEntry}), exactly as hashed.
 *
 * @param key stored key, with its data-model prefix ({@code 0x00} key/value, {@code 0x01} sorted set)
 * @param hValue SHA-256 of the stored value, 32 bytes
 * @param vLen length of the stored value
 * @param metadata entry metadata
 */
public record TxEntryRecord(byte[] key, byte[] hValue, int vLen, KvMetadata metadata) {

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
    public boolean equals(Object o) {
        return o instanceof TxEntryRecord e && vLen == e.vLen && Arrays.equals(key, e.key)
                && Arrays.equals(hValue, e.hValue) && metadata.equals(e.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(vLen, Arrays.hashCode(key), Arrays.hashCode(hValue), metadata);
    }

    @Override
    public String toString() {
        return "TxEntryRecord[key=" + Bytes.brief(key) + " hValue=" + Bytes.hex(hValue) + " vLen=" + vLen
                + " metadata=" + metadata + "]";
    }
}
