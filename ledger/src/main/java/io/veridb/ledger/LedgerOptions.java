package io.veridb.ledger;

import java.time.Clock;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Options of one ledger. Start from {@link #defaults()} and change fields with the {@code with*} methods.
 *
 * @param maxKeyLength longest stored key in bytes, including the data model's prefix (immudb: 1024)
 * @param maxValueLength longest stored value in bytes, including the prefix (immudb: 32 MiB)
 * @param maxTxEntries most entries in one transaction (immudb: 1024; at most 65535)
 * @param headerVersion transaction header version written: 1 (default) or 0 (immudb 1.1 compatibility)
 * @param segmentBytes a log segment (transactions or values) is rolled once it holds this many bytes
 * @param inlineValuesBytes a transaction whose values total at most this many bytes keeps them in the tx log,
 *     right after its record, so a group commit of such transactions forces one file instead of two (0: every
 *     value goes to the value log)
 * @param maxBatchTxs group commit: most transactions sharing one fsync
 * @param maxBatchBytes group commit: a batch is flushed once it holds this many bytes
 * @param maxGroupWaitNanos group commit: how long the writer waits for more requests once its queue is empty
 *     (0: flush as soon as the queue is drained)
 * @param checkpointIntervalNanos how often the derived files (node file, offsets) are made durable
 * @param checkpointBytes … or after this many log bytes, whichever comes first
 * @param recheckTxs how many of the last transactions have their hashes recomputed at open
 * @param secondaryIndexes data-model indexes maintained with the key index (unique names)
 * @param clock source of transaction timestamps (unix seconds)
 */
public record LedgerOptions(
        int maxKeyLength,
        int maxValueLength,
        int maxTxEntries,
        int headerVersion,
        long segmentBytes,
        int inlineValuesBytes,
        int maxBatchTxs,
        long maxBatchBytes,
        long maxGroupWaitNanos,
        long checkpointIntervalNanos,
        long checkpointBytes,
        int recheckTxs,
        List<SecondaryIndex> secondaryIndexes,
        Clock clock) {

    /** Largest {@code inlineValuesBytes}: beyond this, values are better kept out of the way of header reads. */
    public static final int MAX_INLINE_VALUES_BYTES = 1 << 20;

    private static final Pattern INDEX_NAME = Pattern.compile("[a-z0-9_.-]{1,64}");

    public LedgerOptions {
        requireRange("maxKeyLength", maxKeyLength, 1, 0xFFFF);
        requireRange("maxValueLength", maxValueLength, 0, Integer.MAX_VALUE - 64);
        requireRange("maxTxEntries", maxTxEntries, 1, 0xFFFF);
        requireRange("headerVersion", headerVersion, 0, 1);
        requireRange("segmentBytes", segmentBytes, 4096, 1L << 40);
        requireRange("inlineValuesBytes", inlineValuesBytes, 0, MAX_INLINE_VALUES_BYTES);
        requireRange("maxBatchTxs", maxBatchTxs, 1, 1 << 20);
        requireRange("maxBatchBytes", maxBatchBytes, 1, 1L << 31);
        requireRange("maxGroupWaitNanos", maxGroupWaitNanos, 0, 10_000_000_000L);
        requireRange("checkpointIntervalNanos", checkpointIntervalNanos, 0, Long.MAX_VALUE);
        requireRange("checkpointBytes", checkpointBytes, 0, Long.MAX_VALUE);
        requireRange("recheckTxs", recheckTxs, 0, Integer.MAX_VALUE);
        secondaryIndexes = List.copyOf(secondaryIndexes);
        Set<String> names = new HashSet<>();
        for (SecondaryIndex s : secondaryIndexes) {
            if (!INDEX_NAME.matcher(s.name()).matches()) {
                throw new IllegalArgumentException("secondary index name=\"" + s.name() + "\", want "
                        + INDEX_NAME.pattern());
            }
            if (!names.add(s.name())) {
                throw new IllegalArgumentException("secondary index name=\"" + s.name() + "\" is registered twice");
            }
        }
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * immudb's limits, header version 1, 512 MiB segments, values inline for transactions whose values total at
     * most 16 KiB (a hundred small events or KVs; bulk transactions keep the tx log dense for header reads), batches
     * of up to 1024 txs / 16 MiB, a checkpoint every second or 64 MiB, and the last 64 transactions re-checked at
     * open.
     */
    public static LedgerOptions defaults() {
        return new LedgerOptions(1024, 1 << 25, 1024, 1, 512L << 20, 16 << 10, 1024, 16L << 20, 0,
                1_000_000_000L, 64L << 20, 64, List.of(), Clock.systemUTC());
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + "=" + value + ", want " + min + ".." + max);
        }
    }

    public LedgerOptions withLimits(int keyLength, int valueLength, int txEntries) {
        return new LedgerOptions(keyLength, valueLength, txEntries, headerVersion, segmentBytes, inlineValuesBytes,
                maxBatchTxs, maxBatchBytes, maxGroupWaitNanos, checkpointIntervalNanos, checkpointBytes, recheckTxs,
                secondaryIndexes, clock);
    }

    public LedgerOptions withHeaderVersion(int version) {
        return new LedgerOptions(maxKeyLength, maxValueLength, maxTxEntries, version, segmentBytes, inlineValuesBytes,
                maxBatchTxs, maxBatchBytes, maxGroupWaitNanos, checkpointIntervalNanos, checkpointBytes, recheckTxs,
                secondaryIndexes, clock);
    }

    public LedgerOptions withSegmentBytes(long bytes) {
        return new LedgerOptions(maxKeyLength, maxValueLength, maxTxEntries, headerVersion, bytes, inlineValuesBytes,
                maxBatchTxs, maxBatchBytes, maxGroupWaitNanos, checkpointIntervalNanos, checkpointBytes, recheckTxs,
                secondaryIndexes, clock);
    }

    public LedgerOptions withInlineValuesBytes(int bytes) {
        return new LedgerOptions(maxKeyLength, maxValueLength, maxTxEntries, headerVersion, segmentBytes, bytes,
                maxBatchTxs, maxBatchBytes, maxGroupWaitNanos, checkpointIntervalNanos, checkpointBytes, recheckTxs,
                secondaryIndexes, clock);
    }

    public LedgerOptions withGroupCommit(int batchTxs, long batchBytes, long groupWaitNanos) {
        return new LedgerOptions(maxKeyLength, maxValueLength, maxTxEntries, headerVersion, segmentBytes,
                inlineValuesBytes, batchTxs, batchBytes, groupWaitNanos, checkpointIntervalNanos, checkpointBytes,
                recheckTxs, secondaryIndexes, clock);
    }

    public LedgerOptions withCheckpoint(long intervalNanos, long bytes) {
        return new LedgerOptions(maxKeyLength, maxValueLength, maxTxEntries, headerVersion, segmentBytes,
                inlineValuesBytes, maxBatchTxs, maxBatchBytes, maxGroupWaitNanos, intervalNanos, bytes, recheckTxs,
                secondaryIndexes, clock);
    }

    public LedgerOptions withRecheckTxs(int txs) {
        return new LedgerOptions(maxKeyLength, maxValueLength, maxTxEntries, headerVersion, segmentBytes,
                inlineValuesBytes, maxBatchTxs, maxBatchBytes, maxGroupWaitNanos, checkpointIntervalNanos,
                checkpointBytes, txs, secondaryIndexes, clock);
    }

    public LedgerOptions withSecondaryIndexes(List<SecondaryIndex> indexes) {
        return new LedgerOptions(maxKeyLength, maxValueLength, maxTxEntries, headerVersion, segmentBytes,
                inlineValuesBytes, maxBatchTxs, maxBatchBytes, maxGroupWaitNanos, checkpointIntervalNanos,
                checkpointBytes, recheckTxs, indexes, clock);
    }

    public LedgerOptions withClock(Clock c) {
        return new LedgerOptions(maxKeyLength, maxValueLength, maxTxEntries, headerVersion, segmentBytes,
                inlineValuesBytes, maxBatchTxs, maxBatchBytes, maxGroupWaitNanos, checkpointIntervalNanos,
                checkpointBytes, recheckTxs, secondaryIndexes, c);
    }

    FlushPolicy flushPolicy() {
        return new FlushPolicy(maxBatchTxs, maxBatchBytes, maxGroupWaitNanos);
    }
}
