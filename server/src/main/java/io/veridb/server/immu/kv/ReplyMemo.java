package io.veridb.server.immu.kv;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * Remembers the reply message built from a kv value, by the value's identity. The kv layer hands out the same
 * instance for a cached committed transaction or proof (they never change), so building its message again, entry
 * by entry, would only repeat work; a new instance simply misses. Least recently used entries go first.
 * Thread-safe; a message is built outside the lock.
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

    private final Map<Identity, V> map;

    ReplyMemo(int capacity) {
        this.map = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Identity, V> eldest) {
                return size() > capacity;
            }
        };
    }

    V get(K key, Function<K, V> build) {
        Identity id = new Identity(key);
        V v;
        synchronized (map) {
            v = map.get(id);
        }
        if (v == null) {
            v = build.apply(key);
            synchronized (map) {
                map.put(id, v);
            }
        }
        return v;
    }
}
