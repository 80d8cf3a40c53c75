package io.veridb.bench.immudb;

/**
 * One workload measured on one server.
 *
 * @param workload workload name
 * @param target server label (e.g. "veridb", "immudb")
 * @param clients closed-loop clients (each keeps one request in flight)
 * @param kvsPerOp key-values written or read per request
 * @param ops requests completed inside the measurement window
 * @param errors requests that failed inside the window
 * @param seconds length of the measurement window
 * @param p50Nanos median request latency
 * @param p99Nanos 99th percentile request latency
 * @param firstError text of the first failure, or empty
 * @param serverCpuSeconds CPU seconds the server process used during the window, or NaN when not measured
 */
record Measurement(String workload, String target, int clients, int kvsPerOp, long ops, long errors, double seconds,
        long p50Nanos, long p99Nanos, String firstError, double serverCpuSeconds) {

    double opsPerSecond() {
        return ops / seconds;
    }

    double kvsPerSecond() {
        return ops * (double) kvsPerOp / seconds;
    }

    boolean hasServerCpu() {
        return !Double.isNaN(serverCpuSeconds);
    }

    /** Server CPU microseconds per completed request in the window (NaN when not measured or nothing completed). */
    double serverCpuMicrosPerOp() {
        return ops == 0 ? Double.NaN : serverCpuSeconds * 1e6 / ops;
    }
}
