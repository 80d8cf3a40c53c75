package io.veridb.kv;

import java.time.Clock;
import java.time.Duration;
import java.util.Objects;

/**
 * Options of a {@link KvStore}.
 *
 * @param maxResultSize largest Scan/ZScan/History/TxScan page; a request limit of 0 means this, a larger one is
 *     rejected with "result size limit exceeded" (immudb: 2500)
 * @param indexWait how long a read waits for the index to reach the requested transaction
 * @param clock source of "now" for expiration (unix seconds)
 */
public record KvOptions(int maxResultSize, Duration indexWait, Clock clock) {

    /** immudb's defaults: 2500 results, 30 s index wait, the system clock. */
    public static final KvOptions DEFAULTS = new KvOptions(2500, Duration.ofSeconds(30), Clock.systemUTC());

    public KvOptions {
        if (maxResultSize < 1) {
            throw new IllegalArgumentException("maxResultSize=" + maxResultSize + ", want >= 1");
        }
        Objects.requireNonNull(indexWait, "indexWait");
        if (indexWait.isNegative()) {
            throw new IllegalArgumentException("indexWait=" + indexWait + ", want >= 0");
        }
        Objects.requireNonNull(clock, "clock");
    }

    /** These options with another clock. */
    public KvOptions withClock(Clock newClock) {
        return new KvOptions(maxResultSize, indexWait, newClock);
    }

    /** These options with another maximum result size. */
    public KvOptions withMaxResultSize(int size) {
        return new KvOptions(size, indexWait, clock);
    }
}
