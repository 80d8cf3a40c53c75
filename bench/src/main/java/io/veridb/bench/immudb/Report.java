package io.veridb.bench.immudb;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Markdown rendering of measurements: one row per (workload, clients, target) plus the ratios the targets use. */
final class Report {

    private Report() {}

    static String markdown(List<Measurement> ms) {
        StringBuilder sb = new StringBuilder();
        // the CPU column only when some server's pid was given, so that runs without it keep the old table
        boolean cpu = ms.stream().anyMatch(Measurement::hasServerCpu);
        sb.append("| workload | clients | server | req/s | KV/s | p50 ms | p99 ms | errors |")
                .append(cpu ? " server CPU us/req |\n" : "\n");
        sb.append("|---|---:|---|---:|---:|---:|---:|---:|").append(cpu ? "---:|\n" : "\n");
        for (Measurement m : ms) {
            sb.append(String.format(Locale.ROOT, "| %s | %d | %s | %,.0f | %,.0f | %.2f | %.2f | %d |",
                    m.workload(), m.clients(), m.target(), m.opsPerSecond(), m.kvsPerSecond(), m.p50Nanos() / 1e6,
                    m.p99Nanos() / 1e6, m.errors()));
            if (cpu) {
                sb.append(m.hasServerCpu() && m.ops() > 0
                        ? String.format(Locale.ROOT, " %.1f |", m.serverCpuMicrosPerOp()) : " - |");
            }
            sb.append('\n');
        }
        Map<String, Measurement> byKey = new LinkedHashMap<>();
        for (Measurement m : ms) {
            byKey.put(m.workload() + ":" + m.clients() + ":" + m.target(), m);
        }
        sb.append("\n| ratio | clients | server | value |\n|---|---:|---|---:|\n");
        for (Measurement m : ms) {
            String plain = m.workload().equals("vset") ? "set" : m.workload().equals("vget") ? "get" : null;
            if (plain != null) {
                Measurement p = byKey.get(plain + ":" + m.clients() + ":" + m.target());
                if (p != null && p.ops() > 0) {
                    sb.append(String.format(Locale.ROOT, "| %s / %s throughput | %d | %s | %.2f |%n", m.workload(),
                            plain, m.clients(), m.target(), m.opsPerSecond() / p.opsPerSecond()));
                }
            }
        }
        for (Measurement m : ms) {
            if (!m.target().equals("veridb")) {
                continue;
            }
            Measurement other = byKey.get(m.workload() + ":" + m.clients() + ":immudb");
            if (other != null && other.ops() > 0) {
                sb.append(String.format(Locale.ROOT, "| veridb / immudb %s | %d | both | %.2f |%n", m.workload(),
                        m.clients(), m.opsPerSecond() / other.opsPerSecond()));
            }
        }
        return sb.toString();
    }
}
