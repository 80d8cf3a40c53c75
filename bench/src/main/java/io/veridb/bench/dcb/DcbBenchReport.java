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
 * Renders the side-by-side table of a benchmark run: {@code DcbBenchReport out.md header.md runDir...}, where each
 * run directory holds {@code veridb.tsv} and {@code umadb.tsv}. Each cell is the median over the runs, with the
 * range when there are several; rows keep the order of the VeriDB results. Everything from the line
 * {@value #ANALYSIS_MARKER} on in an existing {@code out.md} (the hand-written analysis) is kept.
 */
public final class DcbBenchReport {
    static final String ANALYSIS_MARKER = "<!-- analysis: kept when the table is regenerated -->";

    private DcbBenchReport() {}

    public static void main(String[] args) throws IOException {
        List<Path> runs = new ArrayList<>();
        for (int i = 2; i < args.length; i++) {
            runs.add(Path.of(args[i]));
        }
        Map<String, List<Long>> veridb = collect(runs, "veridb.tsv");
        Map<String, List<Long>> umadb = collect(runs, "umadb.tsv");
        StringBuilder b = new StringBuilder(Files.readString(Path.of(args[1]), StandardCharsets.UTF_8));
        b.append("\nEach cell: median events/s over ").append(runs.size())
                .append(" interleaved round(s), with the min–max range.\n\n");
        b.append("| Workload | VeriDB (events/s) | UmaDB (events/s) | VeriDB / UmaDB (medians) |\n");
        b.append("|---|---:|---:|---:|\n");
        for (Map.Entry<String, List<Long>> e : veridb.entrySet()) {
            List<Long> u = umadb.getOrDefault(e.getKey(), List.of());
            long vm = median(e.getValue());
            long um = median(u);
            b.append("| ").append(e.getKey()).append(" | ").append(cell(e.getValue())).append(" | ")
                    .append(cell(u)).append(" | ")
                    .append(um <= 0 ? "—" : String.format("%.2f×", vm / (double) um)).append(" |\n");
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

    private static String cell(List<Long> values) {
        if (values.isEmpty()) {
            return "—";
        }
        String m = String.format("%,d", median(values));
        if (values.size() == 1) {
            return m;
        }
        return m + " (" + String.format("%,d", Collections.min(values)) + "–"
                + String.format("%,d", Collections.max(values)) + ")";
    }

    static long median(List<Long> values) {
        if (values.isEmpty()) {
            return -1;
        }
        List<Long> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static Map<String, List<Long>> collect(List<Path> runs, String file) throws IOException {
        Map<String, List<Long>> out = new LinkedHashMap<>();
        for (Path run : runs) {
            Path tsv = run.resolve(file);
            if (!Files.exists(tsv)) {
                continue;
            }
            for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
                int tab = line.indexOf('\t');
                if (tab > 0) {
                    out.computeIfAbsent(line.substring(0, tab), k -> new ArrayList<>())
                            .add(Long.parseLong(line.substring(tab + 1).trim()));
                }
            }
        }
        return out;
    }
}
