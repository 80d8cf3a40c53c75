package io.veridb.events;

/** Committed events matching a query, in position order (or reverse). Not thread-safe; close it. */
public interface EventCursor extends AutoCloseable {
    /** The next matching event, or null when there is none within the cursor's bounds. */
    StoredEvent next();

    @Override
    void close();
}
