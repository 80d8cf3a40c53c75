package io.veridb.server;

import static io.veridb.server.Protos.get;
import static io.veridb.server.Protos.set;
import static io.veridb.server.Statuses.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;

import com.google.protobuf.Empty;
import io.grpc.Status.Code;
import io.veridb.protocol.immudb.FlushIndexRequest;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.server.auth.Permission;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

/** Options that change the running server: maintenance mode, pid file, log file, reflection off. */
class ServerOptionsEndToEndTest {
    @TempDir
    Path dir;

    @Test
    void maintenanceModeAllowsReadsAndIndexMaintenanceOnly() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            t.admin().set(set("k", "v"));
        }
        try (TestServer t = TestServer.start(dir, b -> b.maintenance(true))) {
            ImmuServiceBlockingStub s = t.admin();
            assertThat(s.get(get("k")).getValue().toStringUtf8()).isEqualTo("v");
            s.flushIndex(FlushIndexRequest.getDefaultInstance());
            assertFails(() -> s.set(set("k", "w")), Code.INVALID_ARGUMENT,
                    "operation not allowed in maintenance mode");
            assertFails(() -> Admin.createUser(s, "bob", "Bob-pass1", Permission.READ, "defaultdb"),
                    Code.INVALID_ARGUMENT, "operation not allowed in maintenance mode");
            assertFails(() -> Admin.createDatabase(s, "db1"), Code.INVALID_ARGUMENT,
                    "operation not allowed in maintenance mode");
            assertThat(s.currentState(Empty.getDefaultInstance()).getTxId()).isEqualTo(1);
        }
    }

    @Test
    void writesAPidFileAndALogFileWhileRunning() throws Exception {
        Path pid = dir.resolve("veridb.pid");
        Path log = dir.resolve("veridb.log");
        // Test logging is at WARN; the start and stop lines are INFO.
        Logger serverLog = (Logger) LoggerFactory.getLogger(VeriDbServer.class);
        Level level = serverLog.getLevel();
        serverLog.setLevel(Level.INFO);
        try (TestServer t = TestServer.start(dir.resolve("data"), b -> b.pidfile(pid).logfile(log))) {
            assertThat(Files.readString(pid, StandardCharsets.US_ASCII).trim())
                    .isEqualTo(String.valueOf(ProcessHandle.current().pid()));
            assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("VeriDB listening on 127.0.0.1:"
                    + t.server().port());
        } finally {
            serverLog.setLevel(level);
        }
        assertThat(pid).doesNotExist();
        assertThat(Files.readString(log, StandardCharsets.UTF_8)).contains("VeriDB stopped");
    }

    @Test
    void aFailedStartReleasesTheDataDirectory() throws Exception {
        Path missingKey = dir.resolve("no-such.key");
        assertThatThrownBy(() -> TestServer.start(dir.resolve("data"), b -> b.signingKey(missingKey)))
                .isInstanceOf(IOException.class);
        try (TestServer t = TestServer.start(dir.resolve("data"))) {
            t.admin().set(set("k", "v"));
        }
    }
}
