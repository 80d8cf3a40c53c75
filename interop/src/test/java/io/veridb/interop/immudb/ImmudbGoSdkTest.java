package io.veridb.interop.immudb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The immudb Go SDK v1.11.1 (sessions, state files in a directory) runs go/main.go in two phases with a server restart
 * in between: the second phase must continue verification from the trusted state the first one stored, against a
 * server that kept its data and its UUID.
 */
class ImmudbGoSdkTest {

    @TempDir
    Path tmp;

    @Test
    void goSdkContinuesVerificationFromItsStoredStateAcrossAServerRestart() throws Exception {
        Path program = Toolchains.immudbGoProgram();
        SigningKey key = SigningKey.generate(tmp.resolve("keys"));
        Path state = tmp.resolve("go-state");
        try (ServerUnderTest server = ServerUnderTest.start(tmp.resolve("data"), key)) {
            ClientRun one = run(program, server, state, key, "one");
            one.assertSucceeded("ok   VerifiedGet x60", "ok   VerifiedSetReference/VerifiedGet",
                    "ok   ZScan order and entries", "ok   VerifiedTxByID old tx", "ok   read-only user cannot Set",
                    "PHASE one OK");
            String trusted = one.line("TRUSTED db=godb ");
            assertThat(trusted).as(one.describe()).isNotNull();

            String uuid = server.uuid();
            assertThat(state.resolve(".state-" + uuid)).as("Go SDK state file for server %s", uuid).exists();
            server.restart();
            assertThat(server.uuid()).as("server UUID after restart").isEqualTo(uuid);

            ClientRun two = run(program, server, state, key, "two");
            two.assertSucceeded(trusted.replace("TRUSTED ", "STORED "),
                    "ok   server is ahead of the stored trusted state",
                    "ok   VerifiedGet after restart (newer than stored state)",
                    "ok   VerifiedGet x60 after restart", "ok   trusted state advanced after restart", "PHASE two OK");
        }
    }

    static ClientRun run(Path program, ServerUnderTest server, Path state, SigningKey key, String phase,
            String... extra) throws Exception {
        Files.createDirectories(state);
        List<String> cmd = new ArrayList<>(List.of(program.toString(), "-address", server.host(), "-port",
                Integer.toString(server.port()), "-state", state.toString(), "-pubkey", key.publicKeyPem().toString(),
                "-phase", phase));
        cmd.addAll(List.of(extra));
        return ClientRun.run(cmd, state, Map.of("HOME", state.toString()), Duration.ofMinutes(3));
    }
}
