package io.veridb.kv;

import java.util.Objects;

/**
 * A sorted-set member to add (the immudb {@code ZAddRequest} without its transport fields). Arrays are copied.
 *
 * @param set the set name, non-empty when written
 * @param score the member's score (any double; ordering is by its IEEE-754 bit pattern)
 * @param key the member's user key, which must exist and not be a reference
 * @param atTx the transaction the member is bound to, 0 for unbound
 * @param boundRef must equal {@code atTx > 0} (same {@code ExecAll} exception as {@link RefSpec})
 */
public record ZAddSpec(byte[] set, double score, byte[] key, long atTx, boolean boundRef) implements Op {

    public ZAddSpec {
        set = Objects.requireNonNull(set, "set").clone();
        key = Objects.requireNonNull(key, "key").clone();
    }

    @Override
    public byte[] set() {
        return set.clone();
    }

    @Override
    public byte[] key() {
        return key.clone();
    }
}
