package io.veridb.kv;

import io.veridb.proofs.KvMetadata;
import java.util.Objects;

/**
 * A stored entry's metadata and stored (prefixed) value.
 *
 * @param metadata the entry's metadata
 * @param value the stored value, as hashed
 */
record Stored(KvMetadata metadata, byte[] value) {

    Stored {
        Objects.requireNonNull(metadata, "metadata");
        value = Objects.requireNonNull(value, "value").clone();
    }

    @Override
    public byte[] value() {
        return value.clone();
    }
}
