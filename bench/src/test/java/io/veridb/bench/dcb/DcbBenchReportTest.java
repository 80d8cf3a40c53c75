package io.veridb.bench.dcb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DcbBenchReportTest {

    @Test
    void cpuTableShowsMediansRangesAndTheRatioOfMedians() {
        Map<String, List<Double>> veridb = new LinkedHashMap<>();
        veridb.put("append 100", List.of(2.5, 2.0, 3.0));
        veridb.put("read all", List.of(0.1));
        Map<String, List<Double>> umadb = Map.of("append 100", List.of(4.0, 5.0, 6.0));

        List<String> lines = DcbBenchReport.table(veridb, umadb, "CPU µs/event", "%,.2f").lines().toList();

        assertThat(lines.get(0)).isEqualTo("| Workload | VeriDB (CPU µs/event) | UmaDB (CPU µs/event) "
                + "| VeriDB / UmaDB (medians) |");
        assertThat(lines.get(2)).isEqualTo("| append 100 | 2.50 (2.00–3.00) | 5.00 (4.00–6.00) | 0.50× |");
        assertThat(lines.get(3)).isEqualTo("| read all | 0.10 | — | — |");
    }

    @Test
    void serverPidsAreOptionalButMustBeTwo() {
        assertThat(DcbBenchMain.serverCpu("")).containsOnlyNulls();
        assertThat(DcbBenchMain.serverCpu(ProcessHandle.current().pid() + ", 1")).doesNotContainNull();
        assertThatThrownBy(() -> DcbBenchMain.serverCpu("42"))
                .hasMessageContaining("dcb.serverPids=42, want two pids");
    }
}
