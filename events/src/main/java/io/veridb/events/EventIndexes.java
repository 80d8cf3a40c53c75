package io.veridb.events;

import io.veridb.ledger.SecondaryIndex;
import java.util.List;

/**
 * The secondary indexes the DCB event model needs on every database's ledger.
 *
 * <p>The server registers these on each ledger it opens (new instances per ledger). Every index ignores entries
 * whose key does not start with the event-model prefix {@code 0x04}, so databases holding only immudb data pay
 * one byte comparison per entry.
 */
public final class EventIndexes {
    private EventIndexes() {}

    /** Fresh index instances for one ledger; the list is immutable. */
    public static List<SecondaryIndex> secondaryIndexes() {
        return List.of(new EventIndex());
    }
}
