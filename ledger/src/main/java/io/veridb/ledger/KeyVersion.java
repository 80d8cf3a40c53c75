package io.veridb.ledger;

import io.veridb.proofs.KvMetadata;
import java.util.Arrays;
import java.util.Objects;

/**
 * One version of a key in the key index: the transaction and entry that wrote it, its 1-based revision (the
 * n-th write of this key) and the entry metadata. Read the value with {@link Ledger#value(long, int)}.
 */
public record KeyVersion(byte[] key, long txId, int entryIndex, long revision, KvMetadata metadata) {

    public KeyVersion {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(metadata, "metadata");
        if (txId < 1 || entryIndex < 0 || revision < 1) {
            throw new IllegalArgumentException(Kv.kv("txId", txId, "entryIndex", entryIndex, "revision", revision)
                    + ", want txId >= 1, entryIndex >= 0, revision >= 1");
        }
        key = key.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    byte[] rawKey() {
        return key;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyVersion v && Arrays.equals(key, v.key) && txId == v.txId
                && entryIndex == v.entryIndex && revision == v.revision && metadata.equals(v.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(Arrays.hashCode(key), txId, entryIndex, revision, metadata);
    }

    @Override
    public String toString() {
        return "KeyVersion[" + Kv.kv("key", key, "txId", txId, "entryIndex", entryIndex, "revision", revision,
                "metadata", metadata) + "]";
    }
}
