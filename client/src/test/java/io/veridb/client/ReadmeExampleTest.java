package io.veridb.client;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.proofs.TxHeader;
import io.veridb.server.ServerConfig;
import io.veridb.server.VeriDbServer;
import java.nio.file.Path;
import java.util.Iterator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The code of client/README.md, compiled and run against a real server. Keep the two in sync. */
class ReadmeExampleTest {

    @TempDir
    Path tmp;

    @Test
    void readmeExampleRuns() throws Exception {
        try (VeriDbServer server = VeriDbServer.start(ServerConfig.builder().dir(tmp.resolve("data"))
                .address("127.0.0.1").port(0).dcbPort(-1).build())) {
            int port = server.port();
            // --- README begin
            try (VeriClient client = VeriClient.builder()
                    .address("127.0.0.1", port)
                    .credentials("immudb", "immudb")
                    .database("defaultdb")
                    .stateStore(new FileStateStore(tmp.resolve("veridb-state")))
                    .build()) {
                TxHeader tx = client.verifiedSet("greeting", "hello");     // proof checked, state moves to tx
                KvEntry e = client.verifiedGet("greeting");                 // proof checked against that state
                Iterator<KvEntry> all = client.scan(ScanOptions.prefix("gr".getBytes(UTF_8)).withPageSize(500));
                DatabaseState trusted = client.trustedState();               // persisted per (server UUID, db)
                // --- README end
                assertThat(tx.id()).isEqualTo(trusted.txId());
                assertThat(e.valueAsString()).isEqualTo("hello");
                assertThat(all.next().keyAsString()).isEqualTo("greeting");
            }
        }
    }
}
