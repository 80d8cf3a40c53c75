package io.veridb.events;

/** A read over committed events up to a head captured by the caller. */
final class StoreCursor implements EventCursor {
    private final QueryMatcher matcher;
    private final RecordLoader loader;
    private final boolean backwards;
    private final long head;
    private long next;
    private RecordCache.Chunk chunk;

    StoreCursor(QueryMatcher matcher, RecordLoader loader, long start, boolean backwards, long head) {
        this.matcher = matcher;
        this.loader = loader;
        this.backwards = backwards;
        this.head = head;
        this.next = backwards ? Math.min(start, head) : Math.max(start, 1);
    }

    @Override
    public StoredEvent next() {
        if (next < 1 || next > head) {
            return null;
        }
        long p = matcher.next(next, 1, head);
        if (p == PostingCursor.NONE) {
            next = backwards ? 0 : head + 1;
            return null;
        }
        next = backwards ? p - 1 : p + 1;
        return new StoredEvent(p, record(p));
    }

    private EventRecord record(long position) {
        if (chunk == null || chunk.id != RecordCache.chunkOf(position)) {
            chunk = loader.cache().chunk(position);
        }
        EventRecord r = chunk == null ? null : chunk.get(position);
        if (r == null) {
            r = loader.load(position, head);
            chunk = loader.cache().chunk(position);
        }
        return r;
    }

    @Override
    public void close() {
        matcher.close();
    }
}
