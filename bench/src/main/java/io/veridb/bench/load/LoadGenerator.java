package io.veridb.bench.load;

import io.veridb.client.KvWrite;
import io.veridb.client.VeriClient;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop load generator over the immudb protocol: {@code clients} sessions, each on its own thread with one
 * request in flight, pick operations from the mix for the warmup and then the measured duration. Keys read by
 * {@code get}/{@code verified-get} are preloaded first (in transactions of {@value #PRELOAD_BATCH} keys).
 * Reports throughput and latency percentiles per operation.
 */
public final class LoadGenerator {

    static final int PRELOAD_BATCH = 500;
    private static final long PROGRESS_EVERY_MILLIS = 200;

    private LoadGenerator() {}

    /**
     * Runs the load and closes every client it opened.
     *
     * @throws InterruptedException if the calling thread is interrupted (the workers are then stopped)
     */
    public static LoadReport run(LoadOptions o, ClientFactory factory, ProgressListener listener)
            throws InterruptedException {
        List<VeriClient> clients = new ArrayList<>();
        try {
            for (int i = 0; i < o.clients(); i++) {
                clients.add(factory.open(i));
            }
            if (o.mix().reads()) {
                preload(clients.get(0), o, listener);
            }
            return measure(clients, o, listener);
        } finally {
            clients.forEach(VeriClient::close);
        }
    }

    private static void preload(VeriClient client, LoadOptions o, ProgressListener listener) {
        byte[] value = new byte[o.valueBytes()];
        new Random(o.seed()).nextBytes(value);
        for (int from = 0; from < o.keys(); from += PRELOAD_BATCH) {
            List<KvWrite> batch = new ArrayList<>();
            for (int i = from; i < Math.min(o.keys(), from + PRELOAD_BATCH); i++) {
                batch.add(KvWrite.of(LoadWorker.key(i), value));
            }
            client.setAll(batch);
            listener.progress("preload", Math.min(o.keys(), from + PRELOAD_BATCH), o.keys(), 0, 0);
        }
    }

    private static LoadReport measure(List<VeriClient> clients, LoadOptions o, ProgressListener listener)
            throws InterruptedException {
        long start = System.nanoTime();
        long measureFrom = start + o.warmup().toNanos();
        long end = measureFrom + o.duration().toNanos();
        AtomicLong ops = new AtomicLong();
        AtomicLong failed = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        List<LoadWorker> workers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (int i = 0; i < clients.size(); i++) {
            LoadWorker w = new LoadWorker(clients.get(i), o, i, measureFrom, end, ops, failed, firstError);
            Thread t = new Thread(w, "veridb-load-" + i);
            t.setDaemon(true);
            workers.add(w);
            threads.add(t);
        }
        threads.forEach(Thread::start);
        try {
            monitor(threads, start, measureFrom, end, ops, failed, listener);
        } catch (InterruptedException e) {
            threads.forEach(Thread::interrupt);
            throw e;
        }
        double seconds = Math.max(0, Math.min(System.nanoTime(), end) - measureFrom) / 1e9;
        return report(o, workers, seconds, Optional.ofNullable(firstError.get()));
    }

    private static void monitor(List<Thread> threads, long start, long measureFrom, long end, AtomicLong ops,
            AtomicLong failed, ProgressListener listener) throws InterruptedException {
        for (Thread t : threads) {
            while (t.isAlive()) {
                t.join(PROGRESS_EVERY_MILLIS);
                long now = System.nanoTime();
                if (now < measureFrom) {
                    listener.progress("warmup", now - start, measureFrom - start, 0, 0);
                } else {
                    listener.progress("measure", Math.min(now, end) - measureFrom, end - measureFrom, ops.get(),
                            failed.get());
                }
            }
        }
    }

    private static LoadReport report(LoadOptions o, List<LoadWorker> workers, double seconds,
            Optional<String> firstError) {
        Map<Operation, LatencyHistogram> merged = new EnumMap<>(Operation.class);
        Map<Operation, Long> errors = new EnumMap<>(Operation.class);
        for (LoadWorker w : workers) {
            w.latencies().forEach((op, h) -> merged.computeIfAbsent(op, x -> new LatencyHistogram()).add(h));
            w.errors().forEach((op, n) -> errors.merge(op, n, Long::sum));
        }
        List<OperationStats> lines = new ArrayList<>();
        LatencyHistogram all = new LatencyHistogram();
        long allErrors = 0;
        for (Operation op : Operation.values()) {
            LatencyHistogram h = merged.getOrDefault(op, new LatencyHistogram());
            long e = errors.getOrDefault(op, 0L);
            if (o.mix().weights().containsKey(op)) {
                lines.add(OperationStats.of(op.label(), h, e, seconds));
            }
            all.add(h);
            allErrors += e;
        }
        return new LoadReport(o, seconds, lines, OperationStats.of("total", all, allErrors, seconds), firstError);
    }
}
