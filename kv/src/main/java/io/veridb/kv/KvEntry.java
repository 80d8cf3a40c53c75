package io.veridb.kv;

import io.veridb.proofs.KvMetadata;
import java.util.Objects;
import java.util.Optional;

/**
 * A key/value entry as returned to clients (the immudb {@code Entry} message). For a reference, the entry
 * describes the referenced key and {@link #referencedBy()} the reference itself.
 *
 * @param tx transaction that wrote this version
 * @param key user key (unprefixed)
 * @param value user value (prefix stripped; empty for deleted or expired versions in history)
 * @param metadata the version's metadata
 * @param expired only in history: the version has expired
 * @param revision the key's version number, 1-based (0 when read at a given transaction)
 * @param referencedBy the reference followed to reach this entry, if any
 */
public record KvEntry(
        long tx,
        byte[] key,
        byte[] value,
        KvMetadata metadata,
        boolean expired,
        long revision,
        Optional<KvRef> referencedBy) {

    public KvEntry {
        key = Objects.requireNonNull(key, "key").clone();
        value = Objects.requireNonNull(value, "value").clone();
        Objects.requireNonNull(metadata, "metadata");
        Objects.requireNonNull(referencedBy, "referencedBy");
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }

    /** This entry as reached through {@code ref}. */
    KvEntry withReference(KvRef ref) {
        return new KvEntry(tx, key, value, metadata, expired, revision, Optional.of(ref));
    }
}
