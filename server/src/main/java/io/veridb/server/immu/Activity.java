package io.veridb.server.immu;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/** Per-database request counters behind DatabaseHealth: requests in flight and when the last one completed. */
final class Activity {
    private final ConcurrentHashMap<String, AtomicInteger> pending = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<String, AtomicLong> lastCompleted = new ConcurrentHashMap<>();

    void started(String db) {
        pending.computeIfAbsent(db, k -> new AtomicInteger()).incrementAndGet();
    }

    void finished(String db) {
        pending.computeIfAbsent(db, k -> new AtomicInteger()).decrementAndGet();
        lastCompleted.computeIfAbsent(db, k -> new AtomicLong()).set(System.currentTimeMillis());
    }

    int pending(String db) {
        AtomicInteger n = pending.get(db);
        return n == null ? 0 : Math.max(0, n.get());
    }

    long lastCompletedMillis(String db) {
        AtomicLong t = lastCompleted.get(db);
        return t == null ? 0 : t.get();
    }
}
