package io.veridb.ledger;

import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Every version of every key, in commit order, for the committed (durable and indexed) transactions.
 * Thread-safe. Entries whose metadata is {@code nonIndexable} are not indexed (as in immudb). "Since tx" reads
 * are {@link Ledger#awaitTx} followed by a read: indexing is synchronous with commit.
 */
public interface KeyIndex {

    /** Highest transaction id reflected in this index. */
    long indexedTxId();

    /** The latest version of {@code key}. */
    Optional<KeyVersion> latest(byte[] key);

    /** The latest version of {@code key} written at or before transaction {@code txId}. */
    Optional<KeyVersion> asOf(byte[] key, long txId);

    /**
     * The version with the given revision: {@code > 0} is absolute (1 = first write), {@code 0} is the latest and
     * {@code < 0} counts back from the latest ({@code -1} = the one before the latest).
     */
    Optional<KeyVersion> atRevision(byte[] key, long revision);

    /** Versions of {@code key}, oldest first (or newest first when {@code desc}), skipping {@code offset}. */
    List<KeyVersion> history(byte[] key, long offset, int limit, boolean desc);

    /** Latest versions of keys selected by {@code spec}, in key order. */
    List<KeyVersion> scan(ScanSpec spec);

    /** Like {@link #scan(ScanSpec)}, but offset and limit count only versions that pass {@code filter}. */
    List<KeyVersion> scan(ScanSpec spec, Predicate<KeyVersion> filter);

    /** Number of distinct indexed keys starting with {@code prefix} (empty: all). */
    long count(byte[] prefix);
}
