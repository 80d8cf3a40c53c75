package io.veridb.kv;

import io.veridb.proofs.KvMetadata;
import java.util.Objects;

/**
 * The reference entry through which a {@link KvEntry} was reached (the immudb {@code Reference} message).
 *
 * @param tx transaction that wrote the reference
 * @param key the reference's user key (the key the client asked for)
 * @param atTx the transaction the reference is bound to, 0 if unbound
 * @param metadata the reference entry's metadata
 * @param revision the reference key's version number (0 when read at a given transaction)
 */
public record KvRef(long tx, byte[] key, long atTx, KvMetadata metadata, long revision) {

    public KvRef {
        key = Objects.requireNonNull(key, "key").clone();
        Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    public byte[] key() {
        return key.clone();
    }
}
