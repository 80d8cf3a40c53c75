package io.veridb.events;

/**
 * A cursor over one posting list (the positions of the events with a given tag or type), in one direction.
 * Not thread-safe.
 */
interface PostingCursor extends AutoCloseable {
    long NONE = -1L;

    /**
     * Forward cursors: the smallest position {@code >= from}; backward cursors: the largest {@code <= from};
     * {@link #NONE} when there is none within the cursor's bound. Successive calls move monotonically in the
     * cursor's direction.
     */
    long advance(long from);

    @Override
    default void close() {}
}
