package io.veridb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.proofs.TxHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** VeriClient against the in-process {@link FakeImmuServer}. */
class VeriClientTest {

    private static final String ADDRESS = "fake-host:3322";

    @TempDir
    Path stateDir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (int i = open.size() - 1; i >= 0; i--) {
            open.get(i).close();
        }
    }

    private FakeImmuServer server(String uuid) throws Exception {
        FakeImmuServer s = new FakeImmuServer(uuid, new FakeChain("defaultdb", 1)).start();
        open.add(s);
        return s;
    }

    private VeriClient client(FakeImmuServer server, StateStore store) {
        VeriClient c = VeriClient.builder().address(ADDRESS).channel(server.channel()).stateStore(store)
                .keepAlive(Duration.ofMillis(20)).build();
        open.add(c);
        return c;
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void sessionHeaderGoesWithEveryCallAndKeepAliveRunsUntilClose() throws Exception {
        FakeImmuServer server = server("uuid-1");
        VeriClient c = VeriClient.builder().address(ADDRESS).channel(server.channel()).keepAlive(Duration.ofMillis(10))
                .build();
        c.set("k", "v");
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (server.callsOf("KeepAlive") < 2 && System.nanoTime() < deadline) {
            Thread.sleep(5);
        }
        c.close();
        assertThat(server.callsOf("KeepAlive")).isGreaterThanOrEqualTo(2);
        assertThat(server.calls).filteredOn(call -> !call.method().equals("OpenSession"))
                .allMatch(call -> "session-1".equals(call.sessionId()));
        assertThat(server.calls.get(server.calls.size() - 1).method()).isEqualTo("CloseSession");
        assertThat(c.serverUuid()).isEqualTo("uuid-1");
        long after = server.callsOf("KeepAlive");
        Thread.sleep(50);
        assertThat(server.callsOf("KeepAlive")).isEqualTo(after);
    }

    @Test
    void verifiedCallsMoveTheTrustedStateForwardOnly() throws Exception {
        FakeImmuServer server = server("uuid-1");
        VeriClient c = client(server, new MemoryStateStore());
        assertThat(c.trustedState().txId()).isZero();
        TxHeader h1 = c.verifiedSet("a", "1");
        assertThat(c.trustedState().txId()).isEqualTo(h1.id());
        c.set("b", "2");
        c.set("c", "3");
        assertThat(c.verifiedGet("a").valueAsString()).isEqualTo("1");
        assertThat(c.trustedState().txId()).isEqualTo(1);
        assertThat(c.verifiedGet("c").valueAsString()).isEqualTo("3");
        assertThat(c.trustedState().txId()).isEqualTo(3);
        assertThat(c.trustedState().alh()).isEqualTo(server.chain.header(3).alh());
        assertThat(c.verifiedTxById(2).entries()).hasSize(1);
        assertThat(c.verifiedSet(b("d"), b("4")).id()).isEqualTo(4);
        assertThat(c.trustedState().txId()).isEqualTo(4);
    }

    @Test
    void tamperedAnswerThrowsAndLeavesTheTrustedStateAlone() throws Exception {
        FakeImmuServer server = server("uuid-1");
        VeriClient c = client(server, new MemoryStateStore());
        c.verifiedSet("a", "1");
        c.set("b", "2");
        DatabaseState before = c.trustedState();
        server.tamperValues = true;
        assertThatThrownBy(() -> c.verifiedGet("b"))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("verifiedGet: entries inclusion (leaf 0, width 1): eH");
        assertThat(c.trustedState()).isEqualTo(before);
        assertThat(c.get("b").valueAsString()).isEqualTo("tampered");
    }

    @Test
    void trustedStateSurvivesRestartsAndCatchesARewrittenHistory() throws Exception {
        FakeImmuServer server = server("uuid-1");
        FileStateStore store = new FileStateStore(stateDir);
        try (VeriClient c = VeriClient.builder().address(ADDRESS).channel(server.channel()).stateStore(store)
                .build()) {
            c.verifiedSet("a", "1");
            c.verifiedSet("b", "2");
        }
        assertThat(new FileStateStore(stateDir).load("uuid-1", "defaultdb").orElseThrow().txId()).isEqualTo(2);

        server.chain = new FakeChain("defaultdb", 1);
        for (String v : List.of("evil", "evil too")) {
            server.commit(List.of(io.veridb.protocol.immudb.KeyValue.newBuilder()
                    .setKey(com.google.protobuf.ByteString.copyFromUtf8("a"))
                    .setValue(com.google.protobuf.ByteString.copyFromUtf8(v)).build()));
        }
        VeriClient c2 = client(server, new FileStateStore(stateDir));
        VerificationException e = KvVerifierTest.catchVerification(() -> c2.verifiedSet("x", "y"));
        assertThat(e.check()).isEqualTo("verifiedSet: dual proof (2 -> 3): Alh(source header)");
        assertThat(c2.trustedState().txId()).isEqualTo(2);
    }

    @Test
    void anotherServerAtAPinnedAddressIsRefusedUntilUnpinned() throws Exception {
        FileStateStore store = new FileStateStore(stateDir);
        FakeImmuServer first = server("uuid-1");
        client(first, store).set("a", "1");
        FakeImmuServer replaced = server("uuid-2");
        assertThatThrownBy(() -> client(replaced, store))
                .isInstanceOf(ServerIdentityException.class)
                .hasMessageContaining("pinned uuid=uuid-1 presented uuid=uuid-2");
        assertThat(replaced.callsOf("CloseSession")).isEqualTo(1);
        store.unpin(ADDRESS);
        assertThat(client(replaced, store).serverUuid()).isEqualTo("uuid-2");
        assertThat(store.pinnedIdentity(ADDRESS)).contains("uuid-2");
    }

    @Test
    void aChangedIdentityHeaderMidSessionIsRefused() throws Exception {
        FakeImmuServer server = server("uuid-1");
        VeriClient c = client(server, new MemoryStateStore());
        server.uuidHeader = "uuid-9";
        assertThatThrownBy(() -> c.set("a", "1"))
                .isInstanceOf(ServerIdentityException.class)
                .hasMessageContaining("presented uuid=uuid-9");
    }

    @Test
    void scanAndHistoryPageUnderTheServerLimit() throws Exception {
        FakeImmuServer server = server("uuid-1");
        VeriClient c = client(server, new MemoryStateStore());
        for (String k : List.of("p3", "p1", "q", "p2", "p5", "p4")) {
            c.set(k, "v-" + k);
        }
        List<String> keys = new ArrayList<>();
        c.scan(ScanOptions.prefix(b("p")).withPageSize(2)).forEachRemaining(e -> keys.add(e.keyAsString()));
        assertThat(keys).containsExactly("p1", "p2", "p3", "p4", "p5");
        assertThat(server.callsOf("Scan")).isEqualTo(3);
        List<String> limited = new ArrayList<>();
        c.scan(ScanOptions.all().withLimit(3).withPageSize(2)).forEachRemaining(e -> limited.add(e.keyAsString()));
        assertThat(limited).containsExactly("p1", "p2", "p3");

        for (int i = 2; i <= 5; i++) {
            c.set("h", "v" + i);
        }
        c.set("p1", "again");
        List<Long> revisions = new ArrayList<>();
        Iterator<KvEntry> h = c.history(b("h"), HistoryOptions.all().withOffset(1).withPageSize(2));
        h.forEachRemaining(e -> revisions.add(e.revision()));
        assertThat(revisions).containsExactly(2L, 3L, 4L);
        assertThatThrownBy(() -> c.history(b("nope"), HistoryOptions.all()).hasNext())
                .isInstanceOf(KeyNotFoundException.class);
    }

    @Test
    void missingKeysAndTxsMapToTypedExceptions() throws Exception {
        FakeImmuServer server = server("uuid-1");
        VeriClient c = client(server, new MemoryStateStore());
        assertThatThrownBy(() -> c.get("missing"))
                .isInstanceOf(KeyNotFoundException.class)
                .hasMessage("Get: UNKNOWN tbtree: key not found");
        assertThatThrownBy(() -> c.verifiedTxById(7)).isInstanceOf(TxNotFoundException.class);
        assertThat(c.health().healthy()).isTrue();
    }

    @Test
    void wrongPasswordFailsToConnect() throws Exception {
        FakeImmuServer server = server("uuid-1");
        assertThatThrownBy(() -> VeriClient.builder().address(ADDRESS).channel(server.channel())
                .credentials("immudb", "wrong").build())
                .isInstanceOf(VeriClientException.class)
                .hasMessageContaining("invalid user name or password");
    }

    @Test
    void stateSignaturesAreCheckedWithTheServerKey() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair serverKey = g.generateKeyPair();
        FakeImmuServer server = server("uuid-1");
        server.chain.signingKey = serverKey.getPrivate();
        VeriClient good = VeriClient.builder().address(ADDRESS).channel(server.channel())
                .serverPublicKey(serverKey.getPublic()).build();
        open.add(good);
        good.verifiedSet("a", "1");
        assertThat(good.trustedState().signature()).isNotEmpty();
        assertThat(good.currentState().txId()).isEqualTo(1);

        VeriClient wrong = VeriClient.builder().address(ADDRESS).channel(server.channel())
                .serverPublicKey(g.generateKeyPair().getPublic()).build();
        open.add(wrong);
        assertThatThrownBy(wrong::trustedState)
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("CurrentState: state signature (db defaultdb, tx 1)");
    }
}
