package io.veridb.ledger;

/**
 * When the writer stops collecting requests and makes the batch durable. Pure; table-tested.
 *
 * <p>A batch is flushed when it is full ({@code maxBatchTxs} transactions or {@code maxBatchBytes} bytes), or
 * when no more requests are queued and the oldest request has waited at least {@code maxGroupWaitNanos}. While
 * requests are queued and the batch has room, the writer keeps collecting: that is what lets concurrent callers
 * share one fsync.
 */
record FlushPolicy(int maxBatchTxs, long maxBatchBytes, long maxGroupWaitNanos) {

    FlushPolicy {
        if (maxBatchTxs < 1 || maxBatchBytes < 1 || maxGroupWaitNanos < 0) {
            throw new IllegalArgumentException(Kv.kv("maxBatchTxs", maxBatchTxs, "maxBatchBytes", maxBatchBytes,
                    "maxGroupWaitNanos", maxGroupWaitNanos));
        }
    }

    /**
     * @param pendingTxs transactions in the batch
     * @param pendingBytes bytes the batch will write
     * @param oldestWaitNanos how long the oldest request of the batch has waited
     * @param moreWritesQueued whether requests are waiting in the queue
     */
    boolean shouldFlush(int pendingTxs, long pendingBytes, long oldestWaitNanos, boolean moreWritesQueued) {
        if (pendingTxs == 0) {
            return false;
        }
        if (pendingTxs >= maxBatchTxs || pendingBytes >= maxBatchBytes) {
            return true;
        }
        return !moreWritesQueued && oldestWaitNanos >= maxGroupWaitNanos;
    }
}
