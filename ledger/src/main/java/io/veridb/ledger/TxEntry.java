package io.veridb.ledger;

import io.veridb.proofs.EntryDigest;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import java.util.Arrays;
import java.util.Objects;

/**
 * An entry as committed: stored key, entry metadata, {@code hValue = SHA-256(stored value)} and the stored
 * value's length. Arrays are copied.
 */
public record TxEntry(byte[] key, KvMetadata metadata, byte[] hValue, int vLen) {

    public TxEntry {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(hValue, "hValue");
        if (hValue.length != Hashes.SIZE) {
            throw new IllegalArgumentException("hValue has " + hValue.length + " bytes, want " + Hashes.SIZE);
        }
        if (vLen < 0) {
            throw new IllegalArgumentException("vLen=" + vLen + ", want >= 0");
        }
        key = key.clone();
        hValue = hValue.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] hValue() {
        return hValue.clone();
    }

    byte[] rawKey() {
        return key;
    }

    byte[] rawHValue() {
        return hValue;
    }

    /** The entry digest under header {@code version} (leaf input of the entries tree). */
    public byte[] digest(int version) {
        return EntryDigest.of(version, key, metadata, hValue);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxEntry e && Arrays.equals(key, e.key) && metadata.equals(e.metadata)
                && Arrays.equals(hValue, e.hValue) && vLen == e.vLen;
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), metadata, Arrays.hashCode(hValue), vLen);
    }

    @Override
    public String toString() {
        return "TxEntry[" + Kv.kv("key", key, "metadata", metadata, "hValue", hValue, "vLen", vLen) + "]";
    }
}
