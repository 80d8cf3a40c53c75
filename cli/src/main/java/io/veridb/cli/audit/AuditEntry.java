package io.veridb.cli.audit;

import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * One raw entry of an audited transaction, as the server sent it.
 *
 * @param key stored key, with its data-model prefix
 * @param metadata entry metadata
 * @param hValue SHA-256 of the stored value as committed, 32 bytes
 * @param vLen length of the stored value
 * @param value the stored value, when the server returned it (not for expired entries or entry kinds the immudb
 *     API does not serve)
 */
public record AuditEntry(byte[] key, KvMetadata metadata, byte[] hValue, int vLen, Optional<byte[]> value) {

    public AuditEntry {
        key = key.clone();
        Objects.requireNonNull(metadata, "metadata");
        hValue = hValue.clone();
        if (hValue.length != Hashes.SIZE) {
            throw new IllegalArgumentException("hValue has " + hValue.length + " bytes, want " + Hashes.SIZE);
        }
        value = value.map(byte[]::clone);
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
