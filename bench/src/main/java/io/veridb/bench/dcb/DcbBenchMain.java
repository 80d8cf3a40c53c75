package io.veridb.bench.dcb;

import io.veridb.bench.load.ProcessCpu;
import io.veridb.protocol.umadb.v1.ReadRequest;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs UmaDB's benchmark workloads against two umadb.v1.DCB servers (VeriDB and UmaDB) with the same Java gRPC
 * client. Each workload row is measured on both servers back to back, alternating which goes first, so that load
 * drift on a shared machine hits both alike. Results go to {@code <outDir>/<label>.tsv} ({@code workload<TAB>events/s}).
 *
 * <p>Usage: {@code DcbBenchMain host labelA portA labelB portB seconds initialEvents outDir [workload-filter]}.
 * Order: preload of each server (1M tiny events in appends of 1000, not timed), reads (all events, one tag's 10
 * events), then appends (1 event per request at 1, 16 and 256 clients, unconditional and conditional; 10 and 100
 * events per request). Before the first row every selected row runs unrecorded for {@code -Ddcb.warmupSeconds}
 * (default 5) on each server: a JIT-compiled server (and this client) otherwise spends the first rows compiling
 * (C2 took 6 s of CPU during the first 256-client row after the preload, and still 5 s after a 6 s warm-up of that
 * row alone), which a long-running server does not.
 *
 * <p>With {@code -Ddcb.serverPids=pidA,pidB} (local servers) each row also records the server's CPU microseconds
 * per event over the row ({@code /proc/<pid>/stat}) in {@code <label>.cpu.tsv}.
 */
public final class DcbBenchMain {
    private static final Logger LOG = LoggerFactory.getLogger(DcbBenchMain.class);

    private DcbBenchMain() {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        String[] labels = {args[1], args[3]};
        int[] ports = {Integer.parseInt(args[2]), Integer.parseInt(args[4])};
        long nanos = (long) (Double.parseDouble(args[5]) * 1e9);
        long initial = Long.parseLong(args[6]);
        Path outDir = Path.of(args[7]);
        String filter = args.length > 8 ? args[8] : "";
        List<Map<String, Double>> results = List.of(new LinkedHashMap<>(), new LinkedHashMap<>());
        List<Map<String, Double>> cpuPerEvent = List.of(new LinkedHashMap<>(), new LinkedHashMap<>());
        ProcessCpu[] serverCpu = serverCpu(System.getProperty("dcb.serverPids", ""));
        DcbLoad[] loads = new DcbLoad[2];
        long[] initHeads = new long[2];
        boolean preloaded = false;
        try {
            for (int i = 0; i < 2; i++) {
                loads[i] = new DcbLoad(host, ports[i], 16);
                long head = loads[i].head();
                if (head < initial) {
                    long started = System.nanoTime();
                    loads[i].preload(initial - head, 1000);
                    preloaded = true;
                    LOG.info("{}: preloaded {} events in {} s", labels[i], initial - head,
                            String.format("%.1f", (System.nanoTime() - started) / 1e9));
                }
                initHeads[i] = loads[i].head();
            }
            if (preloaded) {
                Thread.sleep(5_000); // let the servers settle (flushes, compactions) before measuring
            }
            List<String> names = workloadNames(initHeads[0]);
            long warmupNanos = (long) (Double.parseDouble(System.getProperty("dcb.warmupSeconds", "5")) * 1e9);
            if (warmupNanos > 0) {
                for (int i = 0; i < 2; i++) {
                    long started = System.nanoTime();
                    for (Workload w : workloads(initHeads[i])) {
                        if (w.name().contains(filter)) {
                            w.run(loads[i], warmupNanos);
                        }
                    }
                    LOG.info("{}: warm-up (every selected row for {} s, not recorded) took {} s", labels[i],
                            String.format("%.1f", warmupNanos / 1e9),
                            String.format("%.1f", (System.nanoTime() - started) / 1e9));
                }
            }
            for (int row = 0; row < names.size(); row++) {
                String name = names.get(row);
                if (!name.contains(filter)) {
                    continue;
                }
                for (int k = 0; k < 2; k++) {
                    int i = (row + k) % 2;
                    Workload w = workloads(initHeads[i]).get(row);
                    double cpuBefore = serverCpu[i] == null ? 0 : serverCpu[i].seconds();
                    double rate = w.run(loads[i], nanos);
                    results.get(i).put(name, rate);
                    String cpuText = "";
                    if (serverCpu[i] != null && rate > 0) {
                        double usPerEvent = (serverCpu[i].seconds() - cpuBefore) * 1e6 / (rate * nanos / 1e9);
                        cpuPerEvent.get(i).put(name, usPerEvent);
                        cpuText = String.format(", server CPU %.2f us/event", usPerEvent);
                        write(outDir.resolve(labels[i] + ".cpu.tsv"), cpuPerEvent.get(i), "%.2f");
                    }
                    LOG.info("{} | {}: {} events/s{}", name, labels[i], String.format("%,.0f", rate), cpuText);
                    write(outDir.resolve(labels[i] + ".tsv"), results.get(i), "%.0f");
                }
            }
        } finally {
            for (DcbLoad l : loads) {
                if (l != null) {
                    l.close();
                }
            }
        }
    }

    private static List<String> workloadNames(long initHead) {
        return workloads(initHead).stream().map(Workload::name).toList();
    }

    /** One measured workload. */
    interface Run {
        double run(DcbLoad load, long nanos) throws Exception;
    }

    record Workload(String name, Run body) {
        double run(DcbLoad load, long nanos) throws Exception {
            return body.run(load, nanos);
        }
    }

    static List<Workload> workloads(long initHead) {
        List<Workload> w = new ArrayList<>();
        ReadRequest all = ReadRequest.newBuilder().setBatchSize(4096).setLimit((int) Math.min(initHead, 1_000_000))
                .build();
        ReadRequest oneTag = ReadRequest.newBuilder().setQuery(DcbWorkload.tagQuery("tag-500")).setBatchSize(10)
                .build();
        w.add(new Workload("read all events, 1 client", (l, n) -> l.reads(1, all, n)));
        w.add(new Workload("read all events, 4 clients", (l, n) -> l.reads(4, all, n)));
        w.add(new Workload("read one tag (10 events), 1 client", (l, n) -> l.reads(1, oneTag, n)));
        w.add(new Workload("read one tag (10 events), 16 clients", (l, n) -> l.reads(16, oneTag, n)));
        for (boolean conditional : new boolean[] {false, true}) {
            String kind = conditional ? "conditional" : "unconditional";
            for (int clients : new int[] {1, 16, 256}) {
                w.add(new Workload("append 1 event/request, " + kind + ", " + clients + " clients",
                        (l, n) -> l.appends(clients, 1, conditional, initHead, n)));
            }
        }
        for (int perRequest : new int[] {10, 100}) {
            for (int clients : new int[] {1, 16, 256}) {
                w.add(new Workload("append " + perRequest + " events/request, unconditional, " + clients
                        + " clients", (l, n) -> l.appends(clients, perRequest, false, initHead, n)));
            }
        }
        return w;
    }

    /**
     * CPU readers for the two servers from {@code "pidA,pidB"} (the order of the labels), or nulls when not given:
     * CPU per event is steadier than events/s on a shared machine, and compares the servers' efficiency directly.
     */
    static ProcessCpu[] serverCpu(String pids) {
        ProcessCpu[] out = new ProcessCpu[2];
        if (pids.isBlank()) {
            return out;
        }
        String[] parts = pids.split(",");
        if (parts.length != 2) {
            throw new IllegalArgumentException("dcb.serverPids=" + pids + ", want two pids: \"pidA,pidB\"");
        }
        for (int i = 0; i < 2; i++) {
            out[i] = new ProcessCpu(Long.parseLong(parts[i].trim()));
        }
        return out;
    }

    private static void write(Path out, Map<String, Double> results, String format) throws IOException {
        StringBuilder b = new StringBuilder();
        results.forEach((k, v) -> b.append(k).append('\t').append(String.format(format, v)).append('\n'));
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
    }
}
