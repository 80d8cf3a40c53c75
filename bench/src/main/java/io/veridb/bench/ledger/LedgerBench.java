package io.veridb.bench.ledger;

import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.Ledger;
import io.veridb.ledger.LedgerOptions;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.TxHeader;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.stream.Stream;

/**
 * Load generator for the ledger alone (no server): durable commit throughput at several concurrencies, bulk
 * entries per second, proof generation rate, open time and disk bytes per transaction. Prints one result line
 * per measurement. Usage:
 *
 * <pre>
 * LedgerBench commit DIR [threads=1,16,64,256] [seconds=10]
 * LedgerBench bulk   DIR [txs=2000] [entries=1000] [inflight=16]
 * LedgerBench build  DIR txs                       ; 1-entry txs, 32-byte keys, 128-byte values, large batches
 * LedgerBench proofs DIR [seconds=10] [threads=1]  ; dualProof(s,t) + entryInclusionProof(t,0), random s <= t
 * LedgerBench open   DIR [times=5]
 * LedgerBench disk   DIR                           ; bytes on disk per transaction of a built ledger
 * </pre>
 */
public final class LedgerBench {

    private static final PrintStream OUT = System.out;

    private LedgerBench() {}

    /**
     * The ledger options of every run: the defaults, with {@code -Dveridb.bench.inlineValuesBytes=N} to compare
     * value homes side by side (0 puts every value in the value log, as before the tx log format version 2).
     */
    static LedgerOptions options() {
        String inline = System.getProperty("veridb.bench.inlineValuesBytes");
        return inline == null ? LedgerOptions.defaults()
                : LedgerOptions.defaults().withInlineValuesBytes(Integer.parseInt(inline));
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 2) {
            OUT.println("usage: LedgerBench commit|bulk|build|proofs|open|disk DIR [args]");
            System.exit(2);
        }
        Path dir = Path.of(args[1]);
        switch (args[0]) {
            case "commit" -> commit(dir, arg(args, 2, "1,16,64,256"), Integer.parseInt(arg(args, 3, "10")));
            case "bulk" -> bulk(dir, Integer.parseInt(arg(args, 2, "2000")), Integer.parseInt(arg(args, 3, "1000")),
                    Integer.parseInt(arg(args, 4, "16")));
            case "build" -> build(dir, Long.parseLong(args[2]));
            case "proofs" -> proofs(dir, Integer.parseInt(arg(args, 2, "10")), Integer.parseInt(arg(args, 3, "1")));
            case "open" -> open(dir, Integer.parseInt(arg(args, 2, "5")));
            case "disk" -> disk(dir);
            default -> throw new IllegalArgumentException("unknown benchmark " + args[0]);
        }
        System.exit(0);
    }

    /** CPU time of the whole process so far, in nanoseconds. */
    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory
                .getOperatingSystemMXBean()).getProcessCpuTime();
    }

    /**
     * CPU seconds used so far by live threads: the ledger's ("veridb-…", per name without the dir), main, other
     * Java threads, and the rest of the process (RocksDB's native threads, GC, JIT).
     */
    static String ledgerThreadCpu() {
        java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
        Map<String, Long> byName = new TreeMap<>();
        long javaTotal = 0;
        for (long id : mx.getAllThreadIds()) {
            java.lang.management.ThreadInfo ti = mx.getThreadInfo(id);
            long cpu = mx.getThreadCpuTime(id);
            if (ti == null || cpu <= 0) {
                continue;
            }
            String n = ti.getThreadName();
            if (n.startsWith("veridb-")) {
                int dash = n.lastIndexOf('-');
                byName.merge(dash > 0 ? n.substring(0, dash) : n, cpu, Long::sum);
            } else {
                byName.merge(n.equals("main") ? "main" : "otherJava", cpu, Long::sum);
            }
            javaTotal += cpu;
        }
        byName.put("native+gc+jit(process-java)", processCpuNanos() - javaTotal);
        StringBuilder b = new StringBuilder();
        byName.forEach((n, c) -> b.append(String.format(" %s=%.2fs", n, c / 1e9)));
        return b.toString().trim();
    }

    private static String arg(String[] args, int i, String def) {
        return args.length > i ? args[i] : def;
    }

    static byte[] key32(long n) {
        byte[] k = new byte[32];
        k[0] = 0;
        long x = n * 0x9E3779B97F4A7C15L;
        for (int i = 1; i < 32; i++) {
            k[i] = (byte) (x >>> ((i % 8) * 8));
            if (i % 8 == 7) {
                x = x * 0xBF58476D1CE4E5B9L + n;
            }
        }
        return k;
    }

    static byte[] value(SplittableRandom rnd, int len) {
        byte[] v = new byte[len];
        for (int i = 0; i < len; i += 8) {
            long r = rnd.nextLong();
            for (int j = 0; j < 8 && i + j < len; j++) {
                v[i + j] = (byte) (r >>> (8 * j));
            }
        }
        return v;
    }

    /** Closed loop: each thread commits one 1-entry tx and waits for it, for {@code seconds} per level. */
    static void commit(Path dir, String levels, int seconds) throws Exception {
        for (String level : levels.split(",")) {
            int threads = Integer.parseInt(level.trim());
            Path d = dir.resolve("commit-" + threads);
            deleteTree(d);
            try (Ledger l = Ledger.open(d, options())) {
                LongAdder done = new LongAdder();
                AtomicBoolean stop = new AtomicBoolean();
                List<Thread> ts = new ArrayList<>();
                long[] latSum = new long[threads];
                for (int t = 0; t < threads; t++) {
                    int tt = t;
                    Thread th = new Thread(() -> {
                        SplittableRandom rnd = new SplittableRandom(tt);
                        long n = (long) tt << 40;
                        while (!stop.get()) {
                            long t0 = System.nanoTime();
                            l.commit(List.of(new EntrySpec(key32(n++), value(rnd, 128)))).join();
                            latSum[tt] += System.nanoTime() - t0;
                            done.increment();
                        }
                    }, "bench-committer-" + t);
                    ts.add(th);
                }
                ts.forEach(Thread::start);
                Thread.sleep(1000); // warm-up
                long c0 = done.sum();
                long t0 = System.nanoTime();
                long cpu0 = processCpuNanos();
                Thread.sleep(seconds * 1000L);
                long c1 = done.sum();
                long t1 = System.nanoTime();
                long cpu1 = processCpuNanos();
                stop.set(true);
                for (Thread th : ts) {
                    th.join();
                }
                double rate = (c1 - c0) / ((t1 - t0) / 1e9);
                double avgLatMs = Arrays.stream(latSum).sum() / 1e6 / Math.max(1, done.sum());
                OUT.printf("commit threads=%d tx/s=%.0f avgLatencyMs=%.2f txs=%d processCpuS=%.2f cpuUsPerTx=%.1f%n",
                        threads, rate, avgLatMs, l.lastTxId(), (cpu1 - cpu0) / 1e9,
                        (cpu1 - cpu0) / 1e3 / Math.max(1, c1 - c0));
            }
        }
    }

    /** 1,000-entry transactions with 32-byte keys and values, {@code window} in flight. */
    static void bulk(Path dir, int txs, int entries, int window) throws Exception {
        Path d = dir.resolve("bulk");
        deleteTree(d);
        SplittableRandom rnd = new SplittableRandom(7);
        try (Ledger l = Ledger.open(d, options())) {
            ArrayDeque<CompletableFuture<TxHeader>> inflight = new ArrayDeque<>();
            long n = 0;
            long t0 = System.nanoTime();
            long cpu0 = processCpuNanos();
            for (int i = 0; i < txs; i++) {
                List<EntrySpec> es = new ArrayList<>(entries);
                for (int j = 0; j < entries; j++) {
                    es.add(new EntrySpec(key32(n++), value(rnd, 32)));
                }
                inflight.add(l.commit(es));
                if (inflight.size() >= window) {
                    inflight.poll().join();
                }
            }
            while (!inflight.isEmpty()) {
                inflight.poll().join();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            double cpu = (processCpuNanos() - cpu0) / 1e9;
            OUT.printf("bulk txs=%d entriesPerTx=%d entries/s=%.0f tx/s=%.0f seconds=%.1f processCpuS=%.2f "
                    + "cpuUsPerEntry=%.2f entriesPerCpuS=%.0f threads: %s%n", txs, entries,
                    (double) txs * entries / s, txs / s, s, cpu, cpu * 1e6 / ((double) txs * entries),
                    txs * (double) entries / cpu, ledgerThreadCpu());
        }
    }

    /** Builds a ledger of {@code txs} 1-entry transactions (32-byte key, 128-byte value) with many in flight. */
    static void build(Path dir, long txs) throws Exception {
        SplittableRandom rnd = new SplittableRandom(11);
        try (Ledger l = Ledger.open(dir, options())) {
            long start = l.lastTxId();
            ArrayDeque<CompletableFuture<TxHeader>> inflight = new ArrayDeque<>();
            long t0 = System.nanoTime();
            long lastReport = t0;
            for (long i = start; i < txs; i++) {
                inflight.add(l.commit(List.of(new EntrySpec(key32(i), value(rnd, 128)))));
                if (inflight.size() >= 8192) {
                    inflight.poll().join();
                }
                long now = System.nanoTime();
                if (now - lastReport > 10_000_000_000L) {
                    OUT.printf("build at tx %d, %.0f tx/s%n", l.lastTxId(), (l.lastTxId() - start) / ((now - t0) / 1e9));
                    lastReport = now;
                }
            }
            while (!inflight.isEmpty()) {
                inflight.poll().join();
            }
            double s = (System.nanoTime() - t0) / 1e9;
            OUT.printf("build txs=%d tx/s=%.0f seconds=%.1f%n", l.lastTxId(), (l.lastTxId() - start) / s, s);
        }
    }

    /** Random dual proofs plus an entry inclusion proof per iteration. */
    static void proofs(Path dir, int seconds, int threads) throws Exception {
        try (Ledger l = Ledger.open(dir, options())) {
            long last = l.lastTxId();
            LongAdder done = new LongAdder();
            AtomicBoolean stop = new AtomicBoolean();
            AtomicBoolean measuring = new AtomicBoolean();
            List<Thread> ts = new ArrayList<>();
            long[] sink = new long[threads];
            long[] cpuAtStart = new long[threads];
            long[] cpuAtEnd = new long[threads];
            java.lang.management.ThreadMXBean mx = java.lang.management.ManagementFactory.getThreadMXBean();
            for (int t = 0; t < threads; t++) {
                int tt = t;
                Thread th = new Thread(() -> {
                    SplittableRandom rnd = new SplittableRandom(tt + 100);
                    boolean started = false;
                    try {
                        while (!stop.get()) {
                            if (!started && measuring.get()) {
                                cpuAtStart[tt] = mx.getCurrentThreadCpuTime();
                                started = true;
                            }
                            long target = 1 + rnd.nextLong(last);
                            long source = 1 + rnd.nextLong(target);
                            DualProof p = l.dualProof(source, target);
                            InclusionProof ip = l.entryInclusionProof(target, 0);
                            // cheap reads: the accessors of the proof lists copy them
                            sink[tt] += p.linearProof().targetTxId() + ip.width();
                            if (started && measuring.get()) {
                                done.increment();
                            }
                        }
                        cpuAtEnd[tt] = mx.getCurrentThreadCpuTime();
                    } catch (IOException e) {
                        throw new IllegalStateException(e);
                    }
                }, "bench-prover-" + t);
                ts.add(th);
            }
            ts.forEach(Thread::start);
            Thread.sleep(3000);
            measuring.set(true);
            long t0 = System.nanoTime();
            Thread.sleep(seconds * 1000L);
            long c = done.sum();
            measuring.set(false);
            long t1 = System.nanoTime();
            stop.set(true);
            for (Thread th : ts) {
                th.join();
            }
            long cpu = 0;
            for (int t = 0; t < threads; t++) {
                cpu += cpuAtEnd[t] - cpuAtStart[t];
            }
            OUT.printf("proofs txs=%d threads=%d proofs/s=%.0f (dualProof+entryInclusionProof) perThread=%.0f "
                    + "perCpuSecond=%.0f%n", last, threads, c / ((t1 - t0) / 1e9), c / ((t1 - t0) / 1e9) / threads,
                    c / (cpu / 1e9));
        }
    }

    static void open(Path dir, int times) throws Exception {
        // logging is initialised in any real process before a ledger opens; keep it out of the timing
        org.slf4j.LoggerFactory.getLogger(LedgerBench.class).debug("logging initialised");
        for (int i = 0; i < times; i++) {
            long t0 = System.nanoTime();
            Ledger l = Ledger.open(dir, options());
            long t1 = System.nanoTime();
            long last = l.lastTxId();
            l.close();
            OUT.printf("open txs=%d ms=%.0f%n", last, (t1 - t0) / 1e6);
        }
    }

    /** Logical bytes of every file of the ledger, per kind, and per transaction. */
    static void disk(Path dir) throws Exception {
        long txs;
        try (Ledger l = Ledger.open(dir, options())) {
            txs = l.lastTxId();
        }
        Map<String, Long> kinds = new TreeMap<>();
        long total = 0;
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.filter(Files::isRegularFile).toList()) {
                String name = p.getFileName().toString();
                String kind = dir.relativize(p).startsWith("index") ? "index (RocksDB)"
                        : name.endsWith(".txlog") ? "tx log" : name.endsWith(".vlog") ? "value log" : name;
                long size = Files.size(p);
                if (name.equals("aht.nodes")) {
                    size = 32 + 32L * io.veridb.proofs.NodeLayout.nodeCount(txs);
                } else if (name.equals("tx.offsets")) {
                    size = 32 + 8L * txs;
                }
                kinds.merge(kind, size, Long::sum);
                total += size;
            }
        }
        for (Map.Entry<String, Long> e : kinds.entrySet()) {
            OUT.printf("disk %-16s bytes=%d perTx=%.1f%n", e.getKey(), e.getValue(), (double) e.getValue() / txs);
        }
        OUT.printf("disk total txs=%d bytes=%d perTx=%.1f%n", txs, total, (double) total / txs);
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(p);
            }
        }
    }

    static String utf8(byte[] b) {
        return new String(b, StandardCharsets.UTF_8);
    }
}
