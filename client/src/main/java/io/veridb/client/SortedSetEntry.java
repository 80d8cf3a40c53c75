package io.veridb.client;

import java.util.Arrays;
import java.util.Objects;

/**
 * A member of a sorted set (immudb {@code ZEntry}).
 *
 * @param set the set name
 * @param key the member key
 * @param score the member score
 * @param atTx transaction the member is bound to, 0 for the latest value of the key
 * @param entry the referenced key's entry
 */
public record SortedSetEntry(byte[] set, byte[] key, double score, long atTx, KvEntry entry) {

    public SortedSetEntry {
        set = Bytes.copy("set", set);
        key = Bytes.copy("key", key);
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

    @Override
    public boolean equals(Object o) {
        return o instanceof SortedSetEntry e && Double.compare(score, e.score) == 0 && atTx == e.atTx
                && Arrays.equals(set, e.set) && Arrays.equals(key, e.key) && entry.equals(e.entry);
    }

    @Override
    public int hashCode() {
        return Objects.hash(score, atTx, Arrays.hashCode(set), Arrays.hashCode(key), entry);
    }

    @Override
    public String toString() {
        return "SortedSetEntry[set=" + Bytes.brief(set) + " key=" + Bytes.brief(key) + " score=" + score
                + " atTx=" + atTx + " entry=" + entry + "]";
    }
}
