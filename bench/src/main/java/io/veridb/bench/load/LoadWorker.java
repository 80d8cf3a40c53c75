package io.veridb.bench.load;

import io.veridb.client.VeriClient;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * One closed-loop load client: sends one request at a time until the end of the run, recording the latency of
 * each request sent after the warmup. Runs on its own thread; its histograms are read after the thread ends.
 */
final class LoadWorker implements Runnable {

    private final VeriClient client;
    private final LoadOptions options;
    private final long measureFrom;
    private final long end;
    private final Random random;
    private final byte[] value;
    private final Map<Operation, LatencyHistogram> latencies = new EnumMap<>(Operation.class);
    private final Map<Operation, Long> errors = new EnumMap<>(Operation.class);
    private final AtomicLong ops;
    private final AtomicLong failed;
    private final AtomicReference<String> firstError;

    LoadWorker(VeriClient client, LoadOptions options, int index, long measureFrom, long end, AtomicLong ops,
            AtomicLong failed, AtomicReference<String> firstError) {
        this.client = client;
        this.options = options;
        this.measureFrom = measureFrom;
        this.end = end;
        this.random = new Random(options.seed() + index);
        this.value = new byte[options.valueBytes()];
        random.nextBytes(value);
        this.ops = ops;
        this.failed = failed;
        this.firstError = firstError;
    }

    /** The key with number {@code i} of the key space. */
    static byte[] key(int i) {
        return String.format(Locale.ROOT, "key-%08d", i).getBytes(StandardCharsets.US_ASCII);
    }

    @Override
    public void run() {
        long now = System.nanoTime();
        while (now < end) {
            Operation op = options.mix().pick(random);
            byte[] key = key(random.nextInt(options.keys()));
            long start = now;
            boolean ok = send(op, key);
            now = System.nanoTime();
            if (start >= measureFrom) {
                if (ok) {
                    latencies.computeIfAbsent(op, o -> new LatencyHistogram()).record(now - start);
                    ops.incrementAndGet();
                } else {
                    errors.merge(op, 1L, Long::sum);
                    failed.incrementAndGet();
                }
            }
        }
    }

    private boolean send(Operation op, byte[] key) {
        try {
            switch (op) {
                case SET -> client.set(key, value);
                case VERIFIED_SET -> client.verifiedSet(key, value);
                case GET -> client.get(key);
                case VERIFIED_GET -> client.verifiedGet(key);
                default -> throw new IllegalStateException("operation " + op);
            }
            return true;
        } catch (RuntimeException e) {
            firstError.compareAndSet(null, op.label() + ": " + e.getMessage());
            return false;
        }
    }

    Map<Operation, LatencyHistogram> latencies() {
        return latencies;
    }

    Map<Operation, Long> errors() {
        return errors;
    }
}
