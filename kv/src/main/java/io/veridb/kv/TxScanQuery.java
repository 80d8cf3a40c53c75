package io.veridb.kv;

import java.util.Objects;

/**
 * A read of consecutive transactions (the immudb {@code TxScanRequest}).
 *
 * @param initialTx the first transaction returned, ≥ 1
 * @param limit maximum transactions; 0 = the store's maximum result size, larger is an error
 * @param desc walk towards transaction 1
 * @param spec what to return per entry kind
 * @param sinceTx must not exceed the last committed transaction
 * @param noWait do not wait for indexing
 */
public record TxScanQuery(long initialTx, long limit, boolean desc, EntriesSpec spec, long sinceTx, boolean noWait) {

    public TxScanQuery {
        Objects.requireNonNull(spec, "spec");
        if (limit < 0) {
            throw new IllegalArgumentException("txScan limit=" + limit + ", want >= 0");
        }
    }
}
