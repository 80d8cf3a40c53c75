package io.veridb.ledger;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Reads one {@link SecondaryIndex}. Sees every committed (durable and indexed) transaction; thread-safe. Keys
 * compare as unsigned bytes.
 */
public interface SecondaryIndexReader {

    Optional<byte[]> get(byte[] key);

    /**
     * Visits records with {@code fromInclusive ≤ key < toExclusive} ({@code null} = unbounded) in key order, or in
     * reverse order when {@code reverse}; stops when {@code visitor} returns false. Returns whether it ran to the
     * end.
     */
    boolean forEach(byte[] fromInclusive, byte[] toExclusive, boolean reverse, Predicate<IndexRecord> visitor);

    /** Like {@link #forEach} but collects up to {@code limit} records ({@code limit ≤ 0}: no limit). */
    List<IndexRecord> scan(byte[] fromInclusive, byte[] toExclusive, boolean reverse, int limit);
}
