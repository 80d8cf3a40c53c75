package io.veridb.bench.dcb;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders the side-by-side table of a benchmark run: {@code DcbBenchReport veridb.tsv umadb.tsv out.md header.md}.
 * The header file holds the command, machine and date; rows keep the order of the VeriDB results.
 */
public final class DcbBenchReport {
    private DcbBenchReport() {}

    public static void main(String[] args) throws IOException {
        Map<String, Long> veridb = read(Path.of(args[0]));
        Map<String, Long> umadb = read(Path.of(args[1]));
        StringBuilder b = new StringBuilder(Files.readString(Path.of(args[3]), StandardCharsets.UTF_8));
        b.append("\n| Workload | VeriDB (events/s) | UmaDB (events/s) | VeriDB / UmaDB |\n");
        b.append("|---|---:|---:|---:|\n");
        for (Map.Entry<String, Long> e : veridb.entrySet()) {
            Long u = umadb.get(e.getKey());
            b.append("| ").append(e.getKey()).append(" | ").append(String.format("%,d", e.getValue())).append(" | ")
                    .append(u == null ? "—" : String.format("%,d", u)).append(" | ")
                    .append(u == null || u == 0 ? "—" : String.format("%.2f×", e.getValue() / (double) u))
                    .append(" |\n");
        }
        Files.writeString(Path.of(args[2]), b.toString(), StandardCharsets.UTF_8);
    }

    static Map<String, Long> read(Path tsv) throws IOException {
        Map<String, Long> out = new LinkedHashMap<>();
        if (!Files.exists(tsv)) {
            return out;
        }
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (String line : lines) {
            int tab = line.indexOf('\t');
            if (tab > 0) {
                out.put(line.substring(0, tab), Long.parseLong(line.substring(tab + 1).trim()));
            }
        }
        return out;
    }
}
