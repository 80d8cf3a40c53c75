package io.veridb.bench.immudb;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ServerCpuColumnTest {

    @Test
    void tableHasTheCpuColumnOnlyWhenSomeServerWasMeasured() {
        Measurement plain = new Measurement("set", "veridb", 1, 1, 1000, 0, 10, 700_000, 2_000_000, "", Double.NaN);
        Measurement measured = new Measurement("get", "veridb", 1, 1, 20_000, 0, 10, 300_000, 900_000, "", 0.7);

        assertThat(Report.markdown(List.of(plain)).lines().findFirst().orElseThrow())
                .isEqualTo("| workload | clients | server | req/s | KV/s | p50 ms | p99 ms | errors |");
        List<String> lines = Report.markdown(List.of(plain, measured)).lines().toList();
        assertThat(lines.get(0)).endsWith("| errors | server CPU us/req |");
        assertThat(lines.get(2)).endsWith("| 0 | - |");
        assertThat(lines.get(3)).isEqualTo("| get | 1 | veridb | 2,000 | 2,000 | 0.30 | 0.90 | 0 | 35.0 |");
    }
}
