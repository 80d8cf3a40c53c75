package io.veridb.server.immu.kv;

import io.veridb.kv.ProofCache;
import java.util.function.Function;

/**
 * Remembers the reply message built from a kv value, by the value's identity. The kv layer hands out the same
 * instance for a cached committed transaction or proof (they never change), so building its message again, entry
 * by entry, would only repeat work; a new instance simply misses. Least recently used entries go first
 * ({@link ProofCache}).
 */
final class ReplyMemo<K, V> {

    /** Identity, not equality: comparing two transactions entry by entry would cost what the memo saves. */
    private record Identity(Object value) {
        @Override
        public boolean equals(Object o) {
            return o instanceof Identity other && other.value == value;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(value);
        }
    }

    private final ProofCache<Identity, V> cache;

    ReplyMemo(int capacity) {
        this.cache = new ProofCache<>(capacity);
    }

    V get(K key, Function<K, V> build) {
        return cache.get(new Identity(key), id -> build.apply(key));
    }
}
