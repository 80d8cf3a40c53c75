package io.veridb.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Command-line handling that needs no server. */
class ClientCommandLineTest {

    @TempDir
    Path dir;

    @Test
    void clientWithoutSubcommandPrintsUsageAndExitsTwo() {
        CliRun r = CliRun.of("client");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Usage: veridb client").contains("safeget").contains("verify-tx");
    }

    @Test
    void helpExitsZero() {
        CliRun r = CliRun.of("client", "safeget", "--help");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("--at-revision").contains("--address").contains("--json");
    }

    @Test
    void unknownSubcommandOrOptionOrMissingArgumentExitsTwo() {
        assertThat(CliRun.of("client", "frobnicate").exitCode()).isEqualTo(2);
        assertThat(CliRun.of("client", "get", "k", "--frob").exitCode()).isEqualTo(2);
        CliRun r = CliRun.of("client", "set", "only-key");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("Missing required parameter: 'VALUE'");
    }

    @Test
    void noPasswordAndNoTerminalIsAUsageErrorSayingWhereToPutIt() throws IOException {
        Path config = Files.writeString(dir.resolve("c.toml"), "");
        CliRun r = CliRun.of("client", "--config", config.toString(), "--state-dir", dir.toString(), "get", "k");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("no password and no terminal").contains("VERIDB_PASSWORD");
    }

    @Test
    void badConfigFileIsAUsageError() throws IOException {
        Path config = Files.writeString(dir.resolve("c.toml"), "adress = \"x:1\"\n");
        CliRun r = CliRun.of("client", "--config", config.toString(), "--password", "p", "get", "k");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("unknown key 'adress'");
    }

    @Test
    void malformedAddressIsAUsageError() throws IOException {
        Path config = Files.writeString(dir.resolve("c.toml"), "");
        CliRun r = CliRun.of("client", "--address", "no-port", "--password", "p", "--config", config.toString(),
                "--state-dir", dir.toString(), "status");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(2);
        assertThat(r.err()).contains("address=no-port, want host:port");
    }

    @Test
    void unreachableServerExitsOne() throws IOException {
        Path config = Files.writeString(dir.resolve("c.toml"), "");
        CliRun r = CliRun.of("client", "--address", "127.0.0.1:1", "--password", "p", "--config", config.toString(),
                "--state-dir", dir.toString(), "status");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("server unavailable");
    }
}
