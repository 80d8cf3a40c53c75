package io.veridb.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.bench.load.LoadOptions;
import io.veridb.bench.load.LoadReport;
import io.veridb.bench.load.Mix;
import io.veridb.bench.load.OperationStats;
import io.veridb.cli.JsonText;
import io.veridb.cli.support.Json;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ResultsTableTest {

    private static LoadReport report() {
        LoadOptions o = new LoadOptions(2, Duration.ofSeconds(5), Duration.ZERO, Mix.parse("set:1,get:1"), 100, 16,
                1);
        OperationStats set = new OperationStats("set", 500, 1, 100.0, 1_500_000, 9_000_000, 12_000_000, 2e6);
        OperationStats get = new OperationStats("get", 1500, 0, 300.0, 500_000, 2_000_000, 3_000_000, 6e5);
        OperationStats total = new OperationStats("total", 2000, 1, 400.0, 600_000, 8_000_000, 12_000_000, 9e5);
        return new LoadReport(o, 5.0, List.of(set, get), total, Optional.of("set: boom"));
    }

    @Test
    void tableHasAHeaderOneRowPerOperationATotalAndTheFirstError() {
        List<String> lines = ResultsTable.lines(report());
        assertThat(lines.get(0)).isEqualTo("2 clients, 5.0 s measured, mix set:1,get:1, 100 keys, 16-byte values");
        assertThat(lines.get(1)).startsWith("operation").contains("ops/s").contains("p50 ms").contains("p99 ms");
        assertThat(lines.get(2)).matches("set\\s+500\\s+1\\s+100\\.0\\s+1\\.500\\s+9\\.000\\s+12\\.000");
        assertThat(lines.get(4)).startsWith("total");
        assertThat(lines.get(5)).isEqualTo("first error: set: boom");
    }

    @Test
    void jsonHasOperationsWithMillisecondLatencies() {
        Map<String, Object> m = JsonText.object(Json.write(ResultsTable.fields(report()).toJsonTree()));
        assertThat(m).containsEntry("clients", 2L).containsEntry("firstError", "set: boom");
        @SuppressWarnings("unchecked")
        Map<String, Object> set = (Map<String, Object>) ((List<?>) m.get("operations")).get(0);
        assertThat(set).containsEntry("operation", "set").containsEntry("p50Ms", 1.5).containsEntry("p99Ms", 9L)
                .containsEntry("opsPerSecond", 100L);
    }
}
