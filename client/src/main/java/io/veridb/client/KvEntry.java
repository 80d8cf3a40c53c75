package io.veridb.client;

import io.veridb.proofs.KvMetadata;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * One version of a key as the server returns it (immudb {@code Entry}). Keys and values are user bytes, without
 * the data-model prefixes. For a reference key, {@code key}/{@code value}/{@code tx} describe the referenced key
 * and {@link #referencedBy()} the reference entry.
 *
 * @param key user key (of the referenced key when read through a reference)
 * @param value user value; empty when expired
 * @param tx transaction that wrote this version
 * @param revision version number of the key (1 = first); 0 where the server does not compute it
 * @param metadata entry metadata
 * @param expired the entry has expired and its value was not returned
 * @param referencedBy the reference entry, if the key read was a reference
 */
public record KvEntry(
        byte[] key, byte[] value, long tx, long revision, KvMetadata metadata, boolean expired,
        Optional<KvReference> referencedBy) {

    public KvEntry {
        key = Bytes.copy("key", key);
        value = Bytes.copy("value", value);
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

    /** The key decoded as UTF-8. */
    public String keyAsString() {
        return new String(key, StandardCharsets.UTF_8);
    }

    /** The value decoded as UTF-8. */
    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KvEntry e && tx == e.tx && revision == e.revision && expired == e.expired
                && Arrays.equals(key, e.key) && Arrays.equals(value, e.value) && metadata.equals(e.metadata)
                && referencedBy.equals(e.referencedBy);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tx, revision, expired, Arrays.hashCode(key), Arrays.hashCode(value), metadata,
                referencedBy);
    }

    @Override
    public String toString() {
        return "KvEntry[key=" + Bytes.brief(key) + " value=" + Bytes.brief(value) + " tx=" + tx + " revision="
                + revision + " metadata=" + metadata + " expired=" + expired + " referencedBy=" + referencedBy + "]";
    }
}
