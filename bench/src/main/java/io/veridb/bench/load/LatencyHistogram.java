package io.veridb.bench.load;

/**
 * Latencies in nanoseconds in log-linear buckets: exact below 32 ns, then 32 buckets per power of two, so a
 * reported percentile is at most about 3% below the true value. Not thread-safe: each load client keeps its own
 * and they are {@link #add merged} at the end.
 */
public final class LatencyHistogram {

    static final int SUB_BITS = 5;
    static final int SUB = 1 << SUB_BITS;
    private static final int BUCKETS = (64 - SUB_BITS) * SUB;

    private final long[] counts = new long[BUCKETS];
    private long count;
    private long max;
    private long sum;

    /** Records one latency ({@code nanos ≥ 0}; negative values count as 0). */
    public void record(long nanos) {
        long v = Math.max(0, nanos);
        counts[index(v)]++;
        count++;
        sum += v;
        max = Math.max(max, v);
    }

    /** Adds every sample of {@code other} to this histogram. */
    public void add(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) {
            counts[i] += other.counts[i];
        }
        count += other.count;
        sum += other.sum;
        max = Math.max(max, other.max);
    }

    /** Number of samples. */
    public long count() {
        return count;
    }

    /** Largest sample, exact. */
    public long maxNanos() {
        return max;
    }

    /** Mean of the samples, exact; 0 when empty. */
    public double meanNanos() {
        return count == 0 ? 0 : (double) sum / count;
    }

    /**
     * The {@code q}-quantile (0 &lt; q ≤ 1): the lower bound of the bucket holding the sample of rank
     * {@code ceil(q·count)}, never above the exact maximum; 0 when empty.
     */
    public long percentileNanos(double q) {
        if (!(q > 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile=" + q + ", want 0 < q <= 1");
        }
        if (count == 0) {
            return 0;
        }
        long rank = (long) Math.ceil(q * count);
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) {
                return Math.min(lowerBound(i), max);
            }
        }
        return max;
    }

    static int index(long v) {
        if (v < SUB) {
            return (int) v;
        }
        int e = 63 - Long.numberOfLeadingZeros(v);
        int sub = (int) ((v >>> (e - SUB_BITS)) & (SUB - 1));
        return (e - SUB_BITS + 1) * SUB + sub;
    }

    static long lowerBound(int index) {
        if (index < SUB) {
            return index;
        }
        int e = index / SUB + SUB_BITS - 1;
        long sub = index % SUB;
        return (1L << e) | (sub << (e - SUB_BITS));
    }
}
