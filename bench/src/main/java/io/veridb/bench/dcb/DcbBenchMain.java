package io.veridb.bench.dcb;

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
 * Runs UmaDB's benchmark workloads against one umadb.v1.DCB server (VeriDB or UmaDB) with the same Java gRPC
 * client, and writes one result per line ({@code workload<TAB>events/s}) to a file.
 *
 * <p>Usage: {@code DcbBenchMain host port seconds initialEvents out.tsv [workload-filter]}. Order: preload (1M tiny
 * events, not timed), reads (all events, one tag's 10 events), then appends (1 event per request at 1, 16 and 256
 * clients, unconditional and conditional; 10 and 100 events per request).
 */
public final class DcbBenchMain {
    private static final Logger LOG = LoggerFactory.getLogger(DcbBenchMain.class);

    private DcbBenchMain() {}

    public static void main(String[] args) throws Exception {
        String host = args[0];
        int port = Integer.parseInt(args[1]);
        long nanos = (long) (Double.parseDouble(args[2]) * 1e9);
        long initial = Long.parseLong(args[3]);
        Path out = Path.of(args[4]);
        String filter = args.length > 5 ? args[5] : "";
        Map<String, Double> results = new LinkedHashMap<>();
        try (DcbLoad load = new DcbLoad(host, port, 16)) {
            long head = load.head();
            if (head < initial) {
                long started = System.nanoTime();
                load.preload(initial - head, 1000);
                LOG.info("preloaded {} events in {} s", initial - head, (System.nanoTime() - started) / 1e9);
            }
            long initHead = load.head();
            for (Workload w : workloads(initHead)) {
                if (!w.name().contains(filter)) {
                    continue;
                }
                double rate = w.run(load, nanos);
                results.put(w.name(), rate);
                LOG.info("{}: {} events/s", w.name(), String.format("%,.0f", rate));
                write(out, results);
            }
        }
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

    private static void write(Path out, Map<String, Double> results) throws IOException {
        StringBuilder b = new StringBuilder();
        results.forEach((k, v) -> b.append(k).append('\t').append(String.format("%.0f", v)).append('\n'));
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
    }
}
