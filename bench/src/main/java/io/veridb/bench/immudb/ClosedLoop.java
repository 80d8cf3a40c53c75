package io.veridb.bench.immudb;

import io.veridb.bench.load.ProcessCpu;
import com.google.common.util.concurrent.FutureCallback;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import java.util.Arrays;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Closed-loop driver: each client issues its next request when the previous one completes, for a warm-up period and
 * then a measurement window. Only requests that start and finish inside the window are counted and timed.
 */
final class ClosedLoop {

    /** Issues request number {@code seq} of {@code client}. */
    interface Request {
        ListenableFuture<?> issue(int client, long seq);
    }

    private ClosedLoop() {}

    /**
     * Runs the loop; {@code serverCpu} (null when unknown) is read when the window opens and when it closes, so
     * the measurement carries the server's CPU seconds over exactly the window.
     */
    static Measurement run(String workload, String target, int clients, int kvsPerOp, Request request,
            long warmupNanos, long measureNanos, ProcessCpu serverCpu) throws InterruptedException {
        long windowStart = System.nanoTime() + warmupNanos;
        long windowEnd = windowStart + measureNanos;
        CountDownLatch done = new CountDownLatch(clients);
        AtomicLong ops = new AtomicLong();
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>("");
        long[][] latencies = new long[clients][];
        int[] counts = new int[clients];
        // A failure may complete synchronously; retrying from another thread keeps the stack flat.
        ExecutorService retry = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "closed-loop-retry");
            t.setDaemon(true);
            return t;
        });
        for (int c = 0; c < clients; c++) {
            latencies[c] = new long[1024];
            final int client = c;
            new Object() {
                long seq;

                void next() {
                    long start = System.nanoTime();
                    if (start >= windowEnd) {
                        done.countDown();
                        return;
                    }
                    ListenableFuture<?> f;
                    try {
                        f = request.issue(client, seq++);
                    } catch (RuntimeException e) {
                        f = Futures.immediateFailedFuture(e);
                    }
                    Futures.addCallback(f, new FutureCallback<Object>() {
                        @Override
                        public void onSuccess(Object result) {
                            long end = System.nanoTime();
                            if (start >= windowStart && end <= windowEnd) {
                                ops.incrementAndGet();
                                if (counts[client] == latencies[client].length) {
                                    latencies[client] = Arrays.copyOf(latencies[client], counts[client] * 2);
                                }
                                latencies[client][counts[client]++] = end - start;
                            }
                            next();
                        }

                        @Override
                        public void onFailure(Throwable t) {
                            long end = System.nanoTime();
                            if (start >= windowStart && end <= windowEnd) {
                                errors.incrementAndGet();
                            }
                            firstError.compareAndSet("", String.valueOf(t));
                            retry.execute(this::pause);
                        }

                        private void pause() {
                            try {
                                Thread.sleep(1);
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            next();
                        }
                    }, MoreExecutors.directExecutor());
                }
            }.next();
        }
        double cpu = Double.NaN;
        if (serverCpu != null) {
            sleepUntil(windowStart);
            double before = serverCpu.seconds();
            sleepUntil(windowEnd);
            cpu = serverCpu.seconds() - before;
        }
        if (!done.await(warmupNanos + measureNanos + TimeUnit.MINUTES.toNanos(2), TimeUnit.NANOSECONDS)) {
            throw new IllegalStateException(workload + " on " + target + ": requests still outstanding 2 min after "
                    + "the window closed");
        }
        retry.shutdownNow();
        int total = Arrays.stream(counts).sum();
        long[] all = new long[total];
        int at = 0;
        for (int c = 0; c < clients; c++) {
            System.arraycopy(latencies[c], 0, all, at, counts[c]);
            at += counts[c];
        }
        Arrays.sort(all);
        return new Measurement(workload, target, clients, kvsPerOp, ops.get(), errors.get(), measureNanos / 1e9,
                percentile(all, 0.50), percentile(all, 0.99), firstError.get(), cpu);
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left;
        while ((left = nanoTime - System.nanoTime()) > 0) {
            TimeUnit.NANOSECONDS.sleep(left);
        }
    }

    private static long percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return 0;
        }
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)];
    }
}
