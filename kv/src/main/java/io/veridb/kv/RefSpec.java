package io.veridb.kv;

import java.util.Objects;

/**
 * A reference to write (the immudb {@code ReferenceRequest} without its transport fields). Arrays are copied.
 *
 * @param key the reference's user key
 * @param referencedKey the user key it points at
 * @param atTx the transaction the reference is bound to, 0 for an unbound reference
 * @param boundRef must equal {@code atTx > 0} (in {@code ExecAll}, {@code boundRef} with {@code atTx == 0} binds
 *     to the transaction being written)
 */
public record RefSpec(byte[] key, byte[] referencedKey, long atTx, boolean boundRef) implements Op {

    public RefSpec {
        key = Objects.requireNonNull(key, "key").clone();
        referencedKey = Objects.requireNonNull(referencedKey, "referencedKey").clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }

    @Override
    public byte[] referencedKey() {
        return referencedKey.clone();
    }
}
