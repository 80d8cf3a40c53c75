package io.veridb.client;

/**
 * What {@link VeriClient#history(byte[], HistoryOptions)} returns: versions of one key in transaction order.
 *
 * @param offset versions to skip
 * @param limit total versions to return, 0 = all
 * @param desc newest first
 * @param sinceTx wait until the index covers this transaction (0 = the last committed one)
 * @param pageSize versions per server call, 1…{@value VeriClient#MAX_PAGE_SIZE}
 */
public record HistoryOptions(long offset, long limit, boolean desc, long sinceTx, int pageSize) {

    public HistoryOptions {
        if (offset < 0 || limit < 0 || sinceTx < 0) {
            throw new IllegalArgumentException(
                    "offset=" + offset + " limit=" + limit + " sinceTx=" + sinceTx + ", want all >= 0");
        }
        if (pageSize < 1 || pageSize > VeriClient.MAX_PAGE_SIZE) {
            throw new IllegalArgumentException(
                    "pageSize=" + pageSize + ", want 1.." + VeriClient.MAX_PAGE_SIZE);
        }
    }

    /** All versions, oldest first. */
    public static HistoryOptions all() {
        return new HistoryOptions(0, 0, false, 0, ScanOptions.DEFAULT_PAGE_SIZE);
    }

    public HistoryOptions withOffset(long o) {
        return new HistoryOptions(o, limit, desc, sinceTx, pageSize);
    }

    public HistoryOptions withLimit(long l) {
        return new HistoryOptions(offset, l, desc, sinceTx, pageSize);
    }

    public HistoryOptions withDesc(boolean d) {
        return new HistoryOptions(offset, limit, d, sinceTx, pageSize);
    }

    public HistoryOptions withSinceTx(long tx) {
        return new HistoryOptions(offset, limit, desc, tx, pageSize);
    }

    public HistoryOptions withPageSize(int n) {
        return new HistoryOptions(offset, limit, desc, sinceTx, n);
    }
}
