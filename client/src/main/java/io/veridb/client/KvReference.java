package io.veridb.client;

import io.veridb.proofs.KvMetadata;
import java.util.Arrays;
import java.util.Objects;

/**
 * The reference entry through which a value was read (immudb {@code Reference}).
 *
 * @param tx transaction that wrote the reference
 * @param key the reference key (the key the caller asked for)
 * @param atTx transaction the reference is bound to, 0 if it follows the latest value
 * @param metadata metadata of the reference entry
 * @param revision revision of the reference key
 */
public record KvReference(long tx, byte[] key, long atTx, KvMetadata metadata, long revision) {

    public KvReference {
        key = Bytes.copy("key", key);
        Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KvReference r && tx == r.tx && atTx == r.atTx && revision == r.revision
                && Arrays.equals(key, r.key) && metadata.equals(r.metadata);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tx, atTx, revision, Arrays.hashCode(key), metadata);
    }

    @Override
    public String toString() {
        return "KvReference[tx=" + tx + " key=" + Bytes.brief(key) + " atTx=" + atTx + " metadata=" + metadata
                + " revision=" + revision + "]";
    }
}
