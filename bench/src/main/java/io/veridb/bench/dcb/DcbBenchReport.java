package io.veridb.bench.dcb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the side-by-side tables of a benchmark run: {@code DcbBenchReport out.md header.md runDir...}, where each
 * run directory holds {@code veridb.tsv} and {@code umadb.tsv} (events/s), and when the servers' CPU was read,
 * {@code veridb.cpu.tsv} and {@code umadb.cpu.tsv} (server CPU microseconds per event). Each cell is the median
 * over the runs, with the range when there are several; rows keep the order of the VeriDB results. Everything
 * from the line {@value #ANALYSIS_MARKER} on in an existing {@code out.md} (the hand-written analysis) is kept.
 */
public final class DcbBenchReport {
    static final String ANALYSIS_MARKER = "<!-- analysis: kept when the table is regenerated -->";

    private DcbBenchReport() {}

    public static void main(String[] args) throws IOException {
        List<Path> runs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            runs.add(Path.of(args[i]));
        }
        StringBuilder b = new StringBuilder(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
        b.append("\nEach cell: median events/s over ").append(runs.size())
                .append(" interleaved round(s), with the min–max range.\n\n");
        b.append(table(collect(runs, "veridb.tsv"), collect(runs, "umadb.tsv"), "events/s", "%,.0f"));
        Map<String, List<Double>> veridbCpu = collect(runs, "veridb.cpu.tsv");
        if (!veridbCpu.isEmpty()) {
            b.append("\nServer CPU per event (user + system time of the server process over the row, divided by the"
                    + " events it stored or sent; lower is better, and steadier than events/s on a shared"
                    + " machine):\n\n");
            b.append(table(veridbCpu, collect(runs, "umadb.cpu.tsv"), "CPU µs/event", "%,.2f"));
        }
        Path out = Path.of(args[0]);
        if (Files.exists(out)) {
            String old = Files.readString(out, StandardCharsets.UTF_8);
            int at = old.indexOf(ANALYSIS_MARKER);
            if (at >= 0) {
                b.append('\n').append(old.substring(at));
            }
        }
        Files.writeString(out, b.toString(), StandardCharsets.UTF_8);
    }

    /** One markdown table: a row per VeriDB workload, medians with ranges, and the ratio of the medians. */
    static String table(Map<String, List<Double>> veridb, Map<String, List<Double>> umadb, String unit,
            String format) {
        StringBuilder b = new StringBuilder();
        b.append("| Workload | VeriDB (").append(unit).append(") | UmaDB (").append(unit)
                .append(") | VeriDB / UmaDB (medians) |\n");
        b.append("|---|---:|---:|---:|\n");
        for (Map.Entry<String, List<Double>> e : veridb.entrySet()) {
            List<Double> u = umadb.getOrDefault(e.getKey(), List.of());
            double vm = median(e.getValue());
            double um = median(u);
            b.append("| ").append(e.getKey()).append(" | ").append(cell(e.getValue(), format)).append(" | ")
                    .append(cell(u, format)).append(" | ")
                    .append(um <= 0 ? "—" : String.format("%.2f×", vm / um)).append(" |\n");
        }
        return b.toString();
    }

    private static String cell(List<Double> values, String format) {
        if (values.isEmpty()) {
            return "—";
        }
        String m = String.format(format, median(values));
        if (values.size() == 1) {
            return m;
        }
        return m + " (" + String.format(format, Collections.min(values)) + "–"
                + String.format(format, Collections.max(values)) + ")";
    }

    static double median(List<Double> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Map<String, List<Double>> collect(List<Path> runs, String file) throws IOException {
        Map<String, List<Double>> out = new LinkedHashMap<>();
        for (Path run : runs) {
            Path tsv = run.resolve(file);
            if (!Files.exists(tsv)) {
                continue;
            }
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    out.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>())
                            .add(Double.parseDouble(line.substring(tab + 1).trim()));
                }
            }
        }
        return out;
    }
}
