package io.veridb.bench.load;

/** Told about a running load every few hundred milliseconds, from one monitoring thread. */
@FunctionalInterface
public interface ProgressListener {

    /** Nothing to report. */
    ProgressListener NONE = (phase, elapsed, total, ops, errors) -> { };

    /**
     * @param phase {@code preload}, {@code warmup} or {@code measure}
     * @param elapsedNanos time spent in the phase
     * @param totalNanos planned length of the phase (for preload: keys to write, and elapsed = keys written)
     * @param ops successful requests so far in the phase
     * @param errors failed requests so far in the phase
     */
    void progress(String phase, long elapsedNanos, long totalNanos, long ops, long errors);
}
