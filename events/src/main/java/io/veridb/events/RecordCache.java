package io.veridb.events;

import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * Recently written or read event records by position, in chunks of {@value #CHUNK} positions, least recently
 * used chunks evicted beyond a byte budget. Thread-safe: the writer thread puts fresh records; readers take a
 * {@link Chunk} once per {@value #CHUNK} positions and read its slots without locking.
 */
final class RecordCache {
    static final int CHUNK_BITS = 10;
    static final int CHUNK = 1 << CHUNK_BITS;
    private static final int SLOT_OVERHEAD = 64;

    private final long maxBytes;
    private final LinkedHashMap<Long, Chunk> chunks = new LinkedHashMap<>(64, 0.75f, true);
    private long bytes;

    RecordCache(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** One chunk of slots; {@code get} returns null for a position not (yet) cached. */
    static final class Chunk {
        final long id;
        private final AtomicReferenceArray<EventRecord> slots = new AtomicReferenceArray<>(CHUNK);

        Chunk(long id) {
            this.id = id;
        }

        EventRecord get(long position) {
            return slots.get((int) (position & (CHUNK - 1)));
        }
    }

    static long chunkOf(long position) {
        return position >>> CHUNK_BITS;
    }

    /** The chunk holding {@code position}, or null when not cached. */
    synchronized Chunk chunk(long position) {
        return chunks.get(chunkOf(position));
    }

    void put(long position, EventRecord record) {
        Chunk c;
        synchronized (this) {
            long id = chunkOf(position);
            c = chunks.get(id);
            if (c == null) {
                c = new Chunk(id);
                chunks.put(id, c);
            }
            bytes += record.size() + SLOT_OVERHEAD;
            if (bytes > maxBytes) {
                evict();
            }
        }
        c.slots.set((int) (position & (CHUNK - 1)), record);
    }

    private void evict() {
        Iterator<Map.Entry<Long, Chunk>> it = chunks.entrySet().iterator();
        while (bytes > maxBytes && chunks.size() > 1 && it.hasNext()) {
            Chunk victim = it.next().getValue();
            for (int i = 0; i < CHUNK; i++) {
                EventRecord r = victim.slots.get(i);
                if (r != null) {
                    bytes -= r.size() + SLOT_OVERHEAD;
                }
            }
            it.remove();
        }
    }

    synchronized long bytes() {
        return bytes;
    }
}
