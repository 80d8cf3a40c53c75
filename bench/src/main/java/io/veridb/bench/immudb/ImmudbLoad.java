package io.veridb.bench.immudb;

import io.veridb.bench.load.ProcessCpu;
import com.google.common.util.concurrent.Futures;
import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.SetRequest;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * Side-by-side load generator for servers speaking immudb's gRPC protocol (VeriDB and immudb), using the generated
 * {@code io.veridb.protocol.immudb} stubs with one session per client. Each workload runs on every target in turn,
 * in the same process, and the results are printed as a Markdown table.
 *
 * <pre>
 * ImmudbLoad --target veridb=127.0.0.1:3322 --target immudb=127.0.0.1:3323
 *            [--seconds 10] [--warmup 3] [--jit-warmup 20] [--workloads set:1,set:64,...] [--out results.md]
 *            [--server-pid veridb=1234 --server-pid immudb=5678]
 * </pre>
 *
 * With {@code --server-pid name=pid} (a local server process) each measurement also reports that server's CPU
 * microseconds per request over the window, read from {@code /proc/<pid>/stat}.
 *
 * Before any measurement each target gets {@code --jit-warmup} seconds of unrecorded load spread over all request
 * types; each measurement then has its own {@code --warmup} seconds before its window.
 *
 * Workloads ({@code name:clients}): {@code set} one KV per Set, {@code setall} 100 KVs per Set, {@code vset} one KV
 * per VerifiableSet, {@code get} Get of a preloaded key, {@code vget} VerifiableGet of a preloaded key. Verifiable
 * requests carry {@code proveSinceTx} = the last transaction the client has seen, as the SDKs do; the proofs are
 * not checked here (that would measure this process, not the server). Keys are 16–20 bytes, values 32 bytes.
 */
public final class ImmudbLoad {

    static final String DEFAULT_WORKLOADS =
            "set:1,set:64,setall:10,vset:1,get:1,vget:1,vset:16,set:16,get:64,vget:64";
    private static final int PRELOAD_KEYS = 10_000;
    private static final int SETALL_KVS = 100;
    private static final ByteString VALUE = ByteString.copyFrom("v".repeat(32), StandardCharsets.US_ASCII);

    private ImmudbLoad() {}

    public static void main(String[] args) throws Exception {
        Map<String, String> targets = new LinkedHashMap<>();
        Map<String, Long> serverPids = new LinkedHashMap<>();
        long seconds = 10;
        long warmup = 3;
        long jitWarmup = 20;
        String workloads = DEFAULT_WORKLOADS;
        Path out = null;
        for (int i = 0; i < args.length; i += 2) {
            String v = args[i + 1];
            switch (args[i]) {
                case "--target" -> targets.put(v.substring(0, v.indexOf('=')), v.substring(v.indexOf('=') + 1));
                case "--seconds" -> seconds = Long.parseLong(v);
                case "--warmup" -> warmup = Long.parseLong(v);
                case "--jit-warmup" -> jitWarmup = Long.parseLong(v);
                case "--workloads" -> workloads = v;
                case "--out" -> out = Path.of(v);
                case "--server-pid" -> serverPids.put(v.substring(0, v.indexOf('=')),
                        Long.parseLong(v.substring(v.indexOf('=') + 1)));
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        if (targets.isEmpty()) {
            throw new IllegalArgumentException("at least one --target name=host:port is required");
        }
        List<Measurement> results = new ArrayList<>();
        for (Map.Entry<String, String> t : targets.entrySet()) {
            preload(t.getKey(), t.getValue());
            // Unrecorded runs of every request type, so that no workload pays for a cold JIT or cold caches.
            for (String w : List.of("set", "setall", "vset", "get", "vget")) {
                measure(w, 8, t.getKey(), t.getValue(), 0, TimeUnit.SECONDS.toNanos(jitWarmup) / 5, null);
            }
            log("warmed up " + t.getKey());
        }
        for (String w : workloads.split(",")) {
            String name = w.substring(0, w.indexOf(':'));
            int clients = Integer.parseInt(w.substring(w.indexOf(':') + 1));
            for (Map.Entry<String, String> t : targets.entrySet()) {
                Long pid = serverPids.get(t.getKey());
                Measurement m = measure(name, clients, t.getKey(), t.getValue(),
                        TimeUnit.SECONDS.toNanos(warmup), TimeUnit.SECONDS.toNanos(seconds),
                        pid == null ? null : new ProcessCpu(pid));
                results.add(m);
                log(String.format(Locale.ROOT, "%-7s %3d clients %-8s %10.0f req/s %11.0f KV/s p50 %7.2f ms "
                                + "p99 %7.2f ms server CPU %6.1f us/req errors %d %s", name, clients, m.target(),
                        m.opsPerSecond(), m.kvsPerSecond(), m.p50Nanos() / 1e6, m.p99Nanos() / 1e6,
                        m.serverCpuMicrosPerOp(), m.errors(), m.firstError()));
            }
        }
        String table = Report.markdown(results);
        PrintStream stdout = System.out;
        stdout.println(table);
        if (out != null) {
            Files.writeString(out, table, StandardCharsets.UTF_8, StandardOpenOption.CREATE,
                    StandardOpenOption.TRUNCATE_EXISTING);
        }
    }

    private static void log(String line) {
        System.err.println(line);
    }

    private static ImmuClients connect(String hostPort, int clients) {
        int colon = hostPort.lastIndexOf(':');
        return new ImmuClients(hostPort.substring(0, colon), Integer.parseInt(hostPort.substring(colon + 1)),
                clients, "immudb", "immudb", "defaultdb");
    }

    static ByteString getKey(int i) {
        return ByteString.copyFrom(String.format(Locale.ROOT, "get-%06d", i), StandardCharsets.US_ASCII);
    }

    /** Writes the keys the read workloads read: {@value #PRELOAD_KEYS} keys in Sets of 100. */
    private static void preload(String target, String hostPort) throws InterruptedException {
        try (ImmuClients c = connect(hostPort, 1)) {
            for (int i = 0; i < PRELOAD_KEYS; i += SETALL_KVS) {
                SetRequest.Builder b = SetRequest.newBuilder();
                for (int k = i; k < i + SETALL_KVS; k++) {
                    b.addKVs(KeyValue.newBuilder().setKey(getKey(k)).setValue(VALUE));
                }
                c.blocking(0).set(b.build());
            }
            log("preloaded " + PRELOAD_KEYS + " keys on " + target);
        }
    }

    private static Measurement measure(String workload, int clients, String target, String hostPort,
            long warmupNanos, long measureNanos, ProcessCpu serverCpu) throws InterruptedException {
        try (ImmuClients c = connect(hostPort, clients)) {
            long lastTx = c.blocking(0).currentState(Empty.getDefaultInstance()).getTxId();
            AtomicLongArray state = new AtomicLongArray(clients);
            for (int i = 0; i < clients; i++) {
                state.set(i, lastTx);
            }
            String run = Long.toString(System.nanoTime() % 1_000_000_000L, 36);
            SplittableRandom[] random = new SplittableRandom[clients];
            for (int i = 0; i < clients; i++) {
                random[i] = new SplittableRandom(42L + i);
            }
            ClosedLoop.Request r = switch (workload) {
                case "set" -> (client, seq) -> c.async(client).set(SetRequest.newBuilder()
                        .addKVs(kv(run, client, seq)).build());
                case "setall" -> (client, seq) -> {
                    SetRequest.Builder b = SetRequest.newBuilder();
                    for (int k = 0; k < SETALL_KVS; k++) {
                        b.addKVs(kv(run, client, seq * SETALL_KVS + k));
                    }
                    return c.async(client).set(b.build());
                };
                case "vset" -> (client, seq) -> track(c.async(client).verifiableSet(VerifiableSetRequest.newBuilder()
                        .setSetRequest(SetRequest.newBuilder().addKVs(kv(run, client, seq)))
                        .setProveSinceTx(state.get(client)).build()), vtx -> vtx.getTx().getHeader().getId(),
                        state, client);
                case "get" -> (client, seq) -> c.async(client).get(KeyRequest.newBuilder()
                        .setKey(getKey(random[client].nextInt(PRELOAD_KEYS))).build());
                case "vget" -> (client, seq) -> track(c.async(client).verifiableGet(VerifiableGetRequest.newBuilder()
                        .setKeyRequest(KeyRequest.newBuilder().setKey(getKey(random[client].nextInt(PRELOAD_KEYS))))
                        .setProveSinceTx(state.get(client)).build()),
                        ve -> ve.getVerifiableTx().getDualProof().getTargetTxHeader().getId(), state, client);
                default -> throw new IllegalArgumentException("unknown workload " + workload);
            };
            int kvs = workload.equals("setall") ? SETALL_KVS : 1;
            return ClosedLoop.run(workload, target, clients, kvs, r, warmupNanos, measureNanos, serverCpu);
        }
    }

    private static KeyValue kv(String run, int client, long seq) {
        return KeyValue.newBuilder()
                .setKey(ByteString.copyFrom(run + "-" + client + "-" + seq, StandardCharsets.US_ASCII))
                .setValue(VALUE)
                .build();
    }

    interface TxOf<T> {
        long txId(T response);
    }

    /** Moves the client's known state forward to the proof target, as an SDK moves its trusted state. */
    private static <T> ListenableFuture<T> track(ListenableFuture<T> f, TxOf<T> txOf, AtomicLongArray state,
            int client) {
        return Futures.transform(f, resp -> {
            long tx = txOf.txId(resp);
            state.accumulateAndGet(client, tx, Math::max);
            return resp;
        }, MoreExecutors.directExecutor());
    }
}
