package io.veridb.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.cli.CliRun;
import org.junit.jupiter.api.Test;

/** Command-line handling of {@code veridb bench} that needs no server. */
class BenchCommandLineTest {

    @Test
    void toolSubcommandsWithoutArgumentsPrintTheToolsUsageAndExitTwo() {
        CliRun dcb = CliRun.of("bench", "dcb-load");
        assertThat(dcb.exitCode()).isEqualTo(2);
        assertThat(dcb.err()).isEqualTo("usage: veridb bench dcb-load HOST PORT SECONDS INITIAL_EVENTS OUT.tsv "
                + "[WORKLOAD_FILTER]\n");
        CliRun immudb = CliRun.of("bench", "immudb-load", "--help");
        assertThat(immudb.exitCode()).isZero();
        assertThat(immudb.err()).startsWith("usage: veridb bench immudb-load --target NAME=HOST:PORT");
    }

    @Test
    void theDefaultPasswordIsNotMistakenForASubcommand() {
        CliRun r = CliRun.of("bench", "--password", "immudb", "--clients", "0");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("clients=0, want 1..1000");
    }

    @Test
    void negativeDurationsAreUsageErrors() {
        CliRun r = CliRun.of("bench", "--embedded", "--warmup", "PT-1S");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("warmup=PT-1S");
    }
}
