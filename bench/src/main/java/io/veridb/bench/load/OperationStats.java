package io.veridb.bench.load;

import java.util.Objects;

/**
 * Measured results of one operation (or of all together).
 *
 * @param name operation label, or {@code total}
 * @param count requests that succeeded in the measured time
 * @param errors requests that failed in the measured time
 * @param opsPerSecond successful requests per second of measured time
 * @param p50Nanos median latency
 * @param p99Nanos 99th percentile latency
 * @param maxNanos largest latency
 * @param meanNanos mean latency
 */
public record OperationStats(String name, long count, long errors, double opsPerSecond, long p50Nanos,
        long p99Nanos, long maxNanos, double meanNanos) {

    public OperationStats {
        Objects.requireNonNull(name, "name");
    }

    static OperationStats of(String name, LatencyHistogram h, long errors, double seconds) {
        return new OperationStats(name, h.count(), errors, seconds > 0 ? h.count() / seconds : 0,
                h.percentileNanos(0.5), h.percentileNanos(0.99), h.maxNanos(), h.meanNanos());
    }
}
