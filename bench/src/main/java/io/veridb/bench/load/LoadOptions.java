package io.veridb.bench.load;

import java.time.Duration;
import java.util.Objects;

/**
 * What a load run does.
 *
 * @param clients concurrent clients, each with its own session and one request in flight, 1..1000
 * @param duration measured time
 * @param warmup time before measuring (requests are sent but not recorded)
 * @param mix relative weights of the operations
 * @param keys size of the key space ({@code key-000000} …); reads use preloaded keys
 * @param valueBytes size of each written value
 * @param seed seed of the per-client random choices (client i uses {@code seed + i})
 */
public record LoadOptions(int clients, Duration duration, Duration warmup, Mix mix, int keys, int valueBytes,
        long seed) {

    public LoadOptions {
        if (clients < 1 || clients > 1000) {
            throw new IllegalArgumentException("clients=" + clients + ", want 1..1000");
        }
        Objects.requireNonNull(duration, "duration");
        Objects.requireNonNull(warmup, "warmup");
        if (duration.isNegative() || duration.isZero() || warmup.isNegative()) {
            throw new IllegalArgumentException("duration=" + duration + " warmup=" + warmup
                    + ", want duration > 0 and warmup >= 0");
        }
        Objects.requireNonNull(mix, "mix");
        if (keys < 1) {
            throw new IllegalArgumentException("keys=" + keys + ", want >= 1");
        }
        if (valueBytes < 0 || valueBytes > (32 << 20) - 1) {
            throw new IllegalArgumentException("valueBytes=" + valueBytes + ", want 0.." + ((32 << 20) - 1));
        }
    }
}
