package io.veridb.events;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Posting lists in memory, for the events of the write batch being prepared (not yet in the index).
 * Positions must be added in increasing order. Not thread-safe: used by the writer thread only.
 */
final class MemoryPostings implements PostingSource {
    /** Beyond this many names a map is replaced rather than cleared: clearing walks the whole table. */
    private static final int REUSE_LIMIT = 256;
    private Map<String, LongList> tags = new HashMap<>();
    private Map<String, LongList> types = new HashMap<>();

    /** Records an event's type and tags (a tag listed twice is posted once). */
    void add(long position, String type, Iterable<String> eventTags) {
        types.computeIfAbsent(type, k -> new LongList()).addIfNew(position);
        for (String tag : eventTags) {
            tags.computeIfAbsent(tag, k -> new LongList()).addIfNew(position);
        }
    }

    void clear() {
        tags = cleared(tags);
        types = cleared(types);
    }

    private static Map<String, LongList> cleared(Map<String, LongList> map) {
        if (map.size() > REUSE_LIMIT) {
            return new HashMap<>();
        }
        map.clear();
        return map;
    }

    boolean isEmpty() {
        return types.isEmpty();
    }

    @Override
    public PostingCursor open(PostingKind kind, String name, boolean backwards) {
        LongList list = (kind == PostingKind.TAG ? tags : types).get(name);
        if (list == null) {
            return from -> PostingCursor.NONE;
        }
        return new ArrayCursor(list.values, list.size, backwards);
    }

    /** A cursor over a sorted array, by binary search. */
    static final class ArrayCursor implements PostingCursor {
        private final long[] positions;
        private final int size;
        private final boolean backwards;

        /** Views the first {@code size} values of {@code positions} (sorted); later appends are not seen. */
        ArrayCursor(long[] positions, int size, boolean backwards) {
            this.positions = positions;
            this.size = size;
            this.backwards = backwards;
        }

        @Override
        public long advance(long from) {
            int i = Arrays.binarySearch(positions, 0, size, from);
            if (i >= 0) {
                return positions[i];
            }
            int insertion = -i - 1;
            int at = backwards ? insertion - 1 : insertion;
            return at >= 0 && at < size ? positions[at] : NONE;
        }

        @Override
        public void close() {}
    }
}
