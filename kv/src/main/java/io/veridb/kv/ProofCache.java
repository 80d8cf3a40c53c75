package io.veridb.kv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * A small least-recently-used map for values derived from committed transactions: a committed transaction, and so
 * its entries, its inclusion proofs and a dual proof between two committed transactions, never change, so a cached
 * value is never stale and needs no invalidation. Public for the server's reply messages built from such values.
 * Thread-safe (one lock; the values are computed outside it, so two threads may compute the same value and the
 * later one wins, which is harmless for immutable values).
 */
public final class ProofCache<K, V> {

    private final Map<K, V> map;

    /** @param capacity most entries kept */
    public ProofCache(int capacity) {
        if (capacity < 1) {
            throw new IllegalArgumentException("capacity=" + capacity + ", want >= 1");
        }
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<K, V> eldest) {
                return size() > capacity;
            }
        };
    }

    /** The cached value of {@code key}, computing and keeping it when absent; a failure caches nothing. */
    public V get(K key, Function<K, V> compute) {
        V v;
        synchronized (map) {
            v = map.get(key);
        }
        if (v != null) {
            return v;
        }
        v = compute.apply(key);
        synchronized (map) {
            map.put(key, v);
        }
        return v;
    }
}
