package io.veridb.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.cli.CliRun;
import io.veridb.cli.JsonText;
import io.veridb.cli.RunningServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BenchCommandEndToEndTest {

    @TempDir
    Path root;

    @Test
    void loadsARunningServerAndReportsEveryOperationOfTheMix() throws IOException {
        try (RunningServer server = RunningServer.start(root)) {
            // Every operation must get a positive count, and the clients' seeded picks cover the mix only after a
            // few operations each: 3 s (not 1 s) leaves room for a slow machine's cold first verified calls.
            CliRun r = server.run(root.resolve("state"), "bench", "--clients", "2", "--duration", "3s", "--warmup",
                    "0s", "--keys", "20", "--value-size", "32", "--mix", "set:1,verified-set:1,get:1,verified-get:1",
                    "--json");
            assertThat(r.exitCode()).as(r.toString()).isZero();
            Map<String, Object> m = JsonText.object(r.out().trim());
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> ops = (List<Map<String, Object>>) m.get("operations");
            assertThat(ops).extracting(o -> o.get("operation"))
                    .containsExactly("set", "verified-set", "get", "verified-get");
            assertThat(ops).allSatisfy(o -> assertThat((Long) o.get("count")).isPositive());
            assertThat(ops).as("first error: %s", m.get("firstError"))
                    .allSatisfy(o -> assertThat(o).containsEntry("errors", 0L));
            @SuppressWarnings("unchecked")
            Map<String, Object> total = (Map<String, Object>) m.get("total");
            assertThat(((Number) total.get("opsPerSecond")).doubleValue()).isPositive();
            assertThat(((Number) total.get("p99Ms")).doubleValue())
                    .isGreaterThanOrEqualTo(((Number) total.get("p50Ms")).doubleValue());
        }
    }

    @Test
    void embeddedModePrintsAResultsTable() {
        CliRun r = CliRun.of("bench", "--embedded", "--clients", "1", "--duration", "1s", "--warmup", "0s",
                "--mix", "set", "--keys", "5");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("1 clients, ").contains("mix set:1");
        assertThat(lines.get(1)).startsWith("operation").contains("ops/s").contains("p50 ms").contains("p99 ms");
        assertThat(lines.get(2)).startsWith("set ");
        assertThat(lines.get(3)).startsWith("total ");
    }

    @Test
    void badMixIsAUsageError() {
        CliRun r = CliRun.of("bench", "--embedded", "--mix", "fly:1");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("operation 'fly'");
    }
}
