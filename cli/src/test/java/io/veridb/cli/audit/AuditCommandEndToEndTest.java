package io.veridb.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.cli.CliRun;
import io.veridb.cli.JsonText;
import io.veridb.cli.RunningServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AuditCommandEndToEndTest {

    @TempDir
    Path root;

    @TempDir
    Path state;

    RunningServer server;

    @BeforeEach
    void startServer() throws IOException {
        server = RunningServer.start(root);
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private CliRun audit(String... rest) {
        return server.run(state, "audit", rest);
    }

    private CliRun client(String... rest) {
        return server.run(state, "client", rest);
    }

    private static List<Map<String, Object>> lines(CliRun r) {
        return r.out().lines().map(JsonText::object).toList();
    }

    @Test
    void roundsAuditEveryLoadedDatabaseAndOnlyNewTransactionsAfterTheFirst() {
        server.run(state, "admin", "database", "create", "second");
        client("set", "a", "1");
        client("--database", "second", "set", "b", "2");
        CliRun first = audit("--rounds", "2", "--interval", "0s", "--json");
        assertThat(first.exitCode()).as(first.toString()).isZero();
        List<Map<String, Object>> reports = lines(first);
        assertThat(reports).extracting(m -> m.get("database")).containsExactly("defaultdb", "second", "defaultdb",
                "second");
        assertThat(reports).allSatisfy(m -> assertThat(m).containsEntry("status", "ok")
                .containsEntry("server", server.uuid()));
        assertThat(reports.get(0)).containsEntry("firstAudit", true).containsEntry("fromTx", 0L)
                .containsEntry("toTx", 1L).containsEntry("txs", 1L).containsEntry("values", 1L);
        assertThat(reports.get(2)).containsEntry("firstAudit", false).containsEntry("txs", 0L);

        client("set", "a", "3");
        client("safeset", "c", "4");
        CliRun next = audit("--rounds", "1", "--database", "defaultdb");
        assertThat(next.exitCode()).as(next.toString()).isZero();
        assertThat(next.out()).contains("round 1 defaultdb@" + server.uuid() + ": ok tx 1 -> 3, 2 txs re-derived, "
                + "2 values re-hashed").doesNotContain("second");
        assertThat(Files.exists(state.resolve("audit"))).isTrue();
    }

    @Test
    void noValuesAuditOnlyProvesConsistency() {
        client("set", "a", "1");
        assertThat(audit("--rounds", "1", "--no-values").out()).contains("(first audit), 0 txs re-derived");
        client("set", "a", "2");
        CliRun r = audit("--rounds", "1", "--no-values", "--json");
        assertThat(r.exitCode()).isZero();
        assertThat(lines(r).get(0)).containsEntry("fromTx", 1L).containsEntry("toTx", 2L)
                .containsEntry("txs", 0L);
    }

    @Test
    void aFlippedValueByteOnDiskIsDetectedByAuditAndSafeget() throws IOException {
        client("set", "ledger/1", "first-entry");
        client("set", "ledger/2", "TAMPER-ME-PLEASE");
        client("set", "ledger/3", "third-entry");
        assertThat(audit("--rounds", "1").exitCode()).isZero();
        client("set", "ledger/4", "fourth-entry");
        server.stop();
        flipByteOf(server.dir().resolve("defaultdb"), "TAMPER-ME-PLEASE");
        server.restart();

        CliRun safeget = client("safeget", "ledger/2");
        assertThat(safeget.exitCode()).as(safeget.toString()).isEqualTo(3);
        assertThat(safeget.err()).contains("value hash mismatch");

        CliRun fresh = server.run(root.resolve("fresh-state"), "audit", "--rounds", "1");
        assertThat(fresh.exitCode()).as(fresh.toString()).isEqualTo(3);
        assertThat(fresh.out()).contains("defaultdb@" + server.uuid() + ": FAILED at tx 0 -> 4")
                .contains("value hash mismatch");

        CliRun incremental = audit("--rounds", "1", "--json");
        assertThat(incremental.exitCode()).as("tx 2 is older than the audited state; only tx 4 is re-read")
                .isZero();
        assertThat(lines(incremental).get(0)).containsEntry("fromTx", 3L).containsEntry("toTx", 4L);

        CliRun full = audit("--rounds", "1", "--full");
        assertThat(full.exitCode()).as(full.toString()).isEqualTo(3);
        assertThat(full.out()).contains("FAILED").contains("value hash mismatch").contains("tx=2");
    }

    @Test
    void aFlippedByteInANewTransactionFailsTheNextRoundAndKeepsTheAuditedState() throws IOException {
        client("set", "k", "before");
        assertThat(audit("--rounds", "1").exitCode()).isZero();
        client("set", "k", "AFTER-AUDIT-VALUE");
        server.stop();
        flipByteOf(server.dir().resolve("defaultdb"), "AFTER-AUDIT-VALUE");
        server.restart();
        CliRun r = audit("--rounds", "5", "--interval", "0s", "--json");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        Map<String, Object> report = lines(r).get(0);
        assertThat(report).containsEntry("status", "FAILED").containsEntry("fromTx", 1L).containsEntry("toTx", 2L);
        assertThat((String) report.get("failure")).contains("damaged data").contains("tx=2");
        assertThat(lines(r)).as("stops at the first failure").hasSize(1);
        assertThat(audit("--rounds", "1").exitCode()).as("still failing next time").isEqualTo(3);
    }

    @Test
    void aServerThatIsDownIsAnErrorRoundAndExitOne() {
        server.stop();
        CliRun r = CliRun.of("audit", "--address", "127.0.0.1:1", "--password", "immudb", "--config",
                root.resolve("client.toml").toString(), "--state-dir", state.toString(), "--rounds", "2",
                "--interval", "0s");
        server.restart();
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.out().lines().toList()).hasSize(2).allSatisfy(l -> assertThat(l).contains(": error: server "
                + "unavailable"));
    }

    @Test
    void aReplacedServerAtTheAuditedAddressFailsWithExitThree() {
        client("set", "a", "1");
        new io.veridb.client.FileStateStore(io.veridb.cli.audit.AuditRunner.auditDir(state))
                .pin(server.address(), "anotherserveruuid000");
        CliRun r = audit("--rounds", "1");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.out()).contains("round 1: FAILED: server identity changed at " + server.address());
    }

    /**
     * Flips one bit of {@code marker}'s first byte where its stored value lies: inline in a tx log segment, or in
     * the value log.
     */
    static void flipByteOf(Path databaseDir, String marker) throws IOException {
        byte[] needle = marker.getBytes(StandardCharsets.UTF_8);
        try (Stream<Path> files = Stream.concat(Files.list(databaseDir.resolve("tx")),
                Files.list(databaseDir.resolve("val")))) {
            for (Path f : files.sorted().toList()) {
                byte[] b = Files.readAllBytes(f);
                int at = indexOf(b, needle);
                if (at >= 0) {
                    b[at] ^= 0x01;
                    Files.write(f, b);
                    return;
                }
            }
        }
        throw new AssertionError("value " + marker + " not found in " + databaseDir);
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
