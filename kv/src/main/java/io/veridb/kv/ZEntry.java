package io.veridb.kv;

import java.util.Objects;
import java.util.Optional;

/**
 * A sorted-set member as returned to clients (the immudb {@code ZEntry} message).
 *
 * @param set the set name
 * @param key the member's user key
 * @param entry the member's key/value entry (at {@code atTx} when bound, else latest); empty only when
 *     references were left unresolved on purpose
 * @param score the score
 * @param atTx the bound transaction, 0 if unbound
 */
public record ZEntry(byte[] set, byte[] key, Optional<KvEntry> entry, double score, long atTx) {

    public ZEntry {
        set = Objects.requireNonNull(set, "set").clone();
        key = Objects.requireNonNull(key, "key").clone();
        Objects.requireNonNull(entry, "entry");
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
