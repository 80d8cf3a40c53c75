package io.veridb.cli.bench;

import io.veridb.bench.load.LoadReport;
import io.veridb.bench.load.OperationStats;
import io.veridb.cli.support.Fields;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The results of a load run as a text table or as JSON fields. Latencies are shown in milliseconds. Pure. */
public final class ResultsTable {

    private static final String ROW = "%-14s %10s %8s %12s %10s %10s %10s";

    private ResultsTable() {}

    /** The table: a header, one row per operation and a total row. */
    public static List<String> lines(LoadReport r) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "%d clients, %.1f s measured, mix %s, %d keys, %d-byte values",
                r.options().clients(), r.measuredSeconds(), r.options().mix(), r.options().keys(),
                r.options().valueBytes()));
        out.add(String.format(Locale.ROOT, ROW, "operation", "count", "errors", "ops/s", "p50 ms", "p99 ms",
                "max ms"));
        r.operations().forEach(s -> out.add(row(s)));
        out.add(row(r.total()));
        r.firstError().ifPresent(e -> out.add("first error: " + e));
        return out;
    }

    private static String row(OperationStats s) {
        return String.format(Locale.ROOT, ROW, s.name(), s.count(), s.errors(),
                String.format(Locale.ROOT, "%.1f", s.opsPerSecond()), ms(s.p50Nanos()), ms(s.p99Nanos()),
                ms(s.maxNanos()));
    }

    /** The report as one JSON-able record. */
    public static Fields fields(LoadReport r) {
        Fields f = Fields.of().put("clients", r.options().clients()).put("measuredSeconds", r.measuredSeconds())
                .put("mix", r.options().mix().toString()).put("keys", r.options().keys())
                .put("valueBytes", r.options().valueBytes())
                .list("operations", r.operations().stream().map(ResultsTable::stats).toList())
                .put("total", stats(r.total()));
        r.firstError().ifPresent(e -> f.put("firstError", e));
        return f;
    }

    private static Fields stats(OperationStats s) {
        return Fields.of().put("operation", s.name()).put("count", s.count()).put("errors", s.errors())
                .put("opsPerSecond", round(s.opsPerSecond())).put("p50Ms", s.p50Nanos() / 1e6)
                .put("p99Ms", s.p99Nanos() / 1e6).put("maxMs", s.maxNanos() / 1e6)
                .put("meanMs", round(s.meanNanos() / 1e6));
    }

    private static String ms(long nanos) {
        return String.format(Locale.ROOT, "%.3f", nanos / 1e6);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
