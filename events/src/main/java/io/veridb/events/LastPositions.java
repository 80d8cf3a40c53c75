package io.veridb.events;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The last committed position of recently seen tags and types, kept by {@link EventIndex} on the writer thread.
 * A name present here has exactly that last position; an absent name (never seen since open, or evicted) is
 * unknown. Lets a condition skip the index when a name cannot occur after {@code after}. Writer thread only.
 */
final class LastPositions {
    private final Map<String, Long> tags;
    private final Map<String, Long> types;

    LastPositions(int maxEntriesEach) {
        this.tags = lru(maxEntriesEach);
        this.types = lru(maxEntriesEach);
    }

    private static Map<String, Long> lru(int max) {
        return new LinkedHashMap<>(1024, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > max;
            }
        };
    }

    void record(PostingKind kind, String name, long position) {
        (kind == PostingKind.TAG ? tags : types).put(name, position);
    }

    /** The last position of the name, or -1 when unknown. */
    long last(PostingKind kind, String name) {
        Long p = (kind == PostingKind.TAG ? tags : types).get(name);
        return p == null ? -1 : p;
    }
}
