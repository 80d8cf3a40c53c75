package io.veridb.kv;

import io.veridb.proofs.KvMetadata;
import java.util.Objects;

/**
 * One indexed version of a stored key: where it was written and its metadata (the ledger's key version, decoupled
 * so that every rule of the data model is written against this module's own types).
 *
 * @param key stored key (prefixed)
 * @param txId transaction that wrote it
 * @param entryIndex its 0-based position in that transaction
 * @param revision 1-based version number of the key
 * @param metadata the entry's metadata
 */
record Version(byte[] key, long txId, int entryIndex, long revision, KvMetadata metadata) {

    Version {
        key = Objects.requireNonNull(key, "key").clone();
        Objects.requireNonNull(metadata, "metadata");
    }

    @Override
    public byte[] key() {
        return key.clone();
    }
}
