package io.veridb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.client.dcb.AppendCondition;
import io.veridb.client.dcb.DcbEvent;
import io.veridb.client.dcb.DcbIoException;
import io.veridb.client.dcb.DcbQuery;
import io.veridb.client.dcb.DcbQueryItem;
import io.veridb.client.dcb.EventStoreClient;
import io.veridb.client.dcb.EventStream;
import io.veridb.client.dcb.IntegrityException;
import io.veridb.client.dcb.SequencedEvent;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import io.veridb.server.ServerConfig;
import io.veridb.server.VeriDbServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** The SDK against a real {@link VeriDbServer} on an ephemeral port. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class VeriDbServerEndToEndTest {

    @TempDir
    Path tmp;

    private Path dataDir;
    private Path publicKey;
    private Path signingKey;
    private VeriDbServer server;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeEach
    void startServer() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = g.generateKeyPair();
        signingKey = pem(tmp.resolve("signing.pem"), "PRIVATE KEY", keys.getPrivate().getEncoded());
        publicKey = pem(tmp.resolve("signing.pub.pem"), "PUBLIC KEY", keys.getPublic().getEncoded());
        dataDir = tmp.resolve("data");
        server = start();
    }

    private VeriDbServer start() throws IOException {
        return VeriDbServer.start(ServerConfig.builder().dir(dataDir).address("127.0.0.1").port(0)
                .dcbAddress("127.0.0.1").dcbPort(0).signingKey(signingKey).build());
    }

    @AfterEach
    void stop() throws Exception {
        for (int i = clients.size() - 1; i >= 0; i--) {
            clients.get(i).close();
        }
        server.close();
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
        return file;
    }

    private VeriClient client(Path stateDir) {
        VeriClient c = VeriClient.builder().address("127.0.0.1", server.port())
                .stateStore(new FileStateStore(stateDir)).serverPublicKey(publicKey).build();
        clients.add(c);
        return c;
    }

    /** Skips (rather than fails) while the server's DCB face does not serve umadb.v1.DCB yet. */
    private static void assumeDcbFaceServes(EventStoreClient events) {
        try {
            events.head();
        } catch (DcbIoException e) {
            Assumptions.assumeFalse(e.code() == io.grpc.Status.Code.UNIMPLEMENTED,
                    "server does not serve umadb.v1.DCB yet: " + e.getMessage());
            throw e;
        }
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void verifiedKeyValueLifecycleAgainstTheServer() {
        VeriClient c = client(tmp.resolve("state"));
        assertThat(c.serverUuid()).isEqualTo(server.uuid());
        assertThat(c.health().healthy()).isTrue();

        TxHeader h1 = c.verifiedSet("k1", "v1");
        assertThat(c.trustedState().txId()).isEqualTo(h1.id());
        assertThat(c.trustedState().signature()).isNotEmpty();
        TxHeader h2 = c.set("k1", "v2");
        c.setAll(List.of(KvWrite.of("k2", "x"), KvWrite.of("k3", "y")));
        assertThat(c.verifiedGet("k1").valueAsString()).isEqualTo("v2");
        assertThat(c.verifiedGetAtTx(b("k1"), h1.id()).valueAsString()).isEqualTo("v1");
        assertThat(c.verifiedGetAtRevision(b("k1"), 1).valueAsString()).isEqualTo("v1");
        assertThat(c.getSinceTx(b("k1"), h2.id()).revision()).isEqualTo(2);
        assertThat(c.getAll(List.of(b("k2"), b("nope"), b("k3")))).hasSize(2);

        TxHeader ref = c.verifiedSetReference(b("alias"), b("k2"), 0);
        assertThat(c.verifiedGet("alias").referencedBy()).isPresent();
        assertThat(c.verifiedGet("alias").valueAsString()).isEqualTo("x");
        c.verifiedZAdd(b("set"), 2.0, b("k2"), 0);
        c.zAdd(b("set"), 1.0, b("k3"));
        List<String> members = new ArrayList<>();
        c.zScan(ZScanOptions.of(b("set")).withPageSize(1)).forEachRemaining(z -> members.add(
                new String(z.key(), StandardCharsets.UTF_8)));
        assertThat(members).containsExactly("k3", "k2");
        assertThat(c.zScan(ZScanOptions.of(b("set")).withScoreRange(OptionalDouble.of(1.5), OptionalDouble.empty()))
                .next().score()).isEqualTo(2.0);

        assertThat(c.verifiedTxById(ref.id()).entries()).hasSize(1);
        assertThat(c.txById(h1.id()).header()).isEqualTo(h1);
        List<Long> ids = new ArrayList<>();
        c.txScan(1, 3, false).forEachRemaining(t -> ids.add(t.header().id()));
        assertThat(ids).containsExactly(1L, 2L, 3L);

        c.delete(b("k3"));
        assertThatThrownBy(() -> c.get("k3")).isInstanceOf(KeyNotFoundException.class);
        assertThat(c.count(b("k"))).isEqualTo(2);
        assertThat(c.countAll()).isGreaterThanOrEqualTo(3);
        assertThat(c.currentState().txId()).isEqualTo(c.trustedState().txId() + 2);
    }

    @Test
    void execAllScanAndHistoryPageThroughRealData() {
        VeriClient c = client(tmp.resolve("state"));
        for (int i = 0; i < 7; i++) {
            c.set(String.format("p%02d", i), "v" + i);
        }
        c.execAll(List.of(new Op.Set(KvWrite.of("p07", "v7")), new Op.Reference(b("rp"), b("p00"), 0),
                new Op.ZAdd(b("zs"), 1.0, b("p01"), 0)), List.of(new Precondition.KeyMustNotExist(b("p07"))));
        assertThatThrownBy(() -> c.execAll(List.of(new Op.Set(KvWrite.of("p08", "v8"))),
                List.of(new Precondition.KeyMustNotExist(b("p07")))))
                .isInstanceOf(VeriClientException.class)
                .satisfies(e -> assertThat(((VeriClientException) e).code()).isEqualTo(
                        io.grpc.Status.Code.FAILED_PRECONDITION));
        List<String> keys = new ArrayList<>();
        c.scan(ScanOptions.prefix(b("p")).withPageSize(3)).forEachRemaining(e -> keys.add(e.keyAsString()));
        assertThat(keys).containsExactly("p00", "p01", "p02", "p03", "p04", "p05", "p06", "p07");
        List<String> desc = new ArrayList<>();
        c.scan(ScanOptions.prefix(b("p")).withDesc(true).withLimit(4).withPageSize(3))
                .forEachRemaining(e -> desc.add(e.keyAsString()));
        assertThat(desc).containsExactly("p07", "p06", "p05", "p04");

        for (int i = 1; i <= 5; i++) {
            c.set("h", "v" + i);
        }
        List<String> values = new ArrayList<>();
        c.history(b("h"), HistoryOptions.all().withOffset(1).withPageSize(2))
                .forEachRemaining(e -> values.add(e.valueAsString()));
        assertThat(values).containsExactly("v2", "v3", "v4", "v5");
        List<String> newest = new ArrayList<>();
        c.history(b("h"), HistoryOptions.all().withDesc(true).withLimit(2))
                .forEachRemaining(e -> newest.add(e.valueAsString()));
        assertThat(newest).containsExactly("v5", "v4");

        KvMetadata expiring = new KvMetadata(false, OptionalLong.of(4_000_000_000L), false);
        c.verifiedSet(new KvWrite(b("md"), b("1"), expiring));
        assertThat(c.get("md").metadata()).isEqualTo(expiring);
    }

    @Test
    void largeValuesTravelOverChunkedStreams() {
        VeriClient c = client(tmp.resolve("state"));
        byte[] big = new byte[5 << 20];
        for (int i = 0; i < big.length; i++) {
            big[i] = (byte) (i * 31);
        }
        TxHeader h = c.streamSet(List.of(KvWrite.of(b("big"), big), KvWrite.of("small", "s")));
        assertThat(h.nentries()).isEqualTo(2);
        assertThat(c.streamGet(b("big"))).isEqualTo(big);
        TxHeader v = c.streamVerifiedSet(b("big2"), big);
        assertThat(c.trustedState().txId()).isEqualTo(v.id());
        assertThat(c.streamVerifiedGet(b("big")).value()).isEqualTo(big);
        assertThat(c.streamVerifiedGet(b("small")).valueAsString()).isEqualTo("s");
    }

    @Test
    void trustedStateAndIdentitySurviveAServerRestart() throws Exception {
        Path state = tmp.resolve("state");
        VeriClient c = client(state);
        c.verifiedSet("a", "1");
        c.verifiedSet("b", "2");
        String uuid = c.serverUuid();
        c.close();
        clients.remove(c);
        server.close();
        server = start();
        VeriClient again = client(state);
        assertThat(again.serverUuid()).isEqualTo(uuid);
        assertThat(again.trustedState().txId()).isEqualTo(2);
        assertThat(again.verifiedGet("a").valueAsString()).isEqualTo("1");
        assertThat(again.verifiedSet("c", "3").id()).isEqualTo(3);
    }

    @Test
    void aWipedServerAtTheSameAddressIsRefused() throws Exception {
        Path state = tmp.resolve("state");
        VeriClient c = client(state);
        c.verifiedSet("a", "1");
        int port = server.port();
        c.close();
        clients.remove(c);
        server.close();
        dataDir = tmp.resolve("data2");
        server = VeriDbServer.start(ServerConfig.builder().dir(dataDir).address("127.0.0.1").port(port)
                .dcbPort(-1).build());
        assertThatThrownBy(() -> client(state))
                .isInstanceOf(ServerIdentityException.class)
                .hasMessageContaining("127.0.0.1:" + port);
    }

    @Test
    void adminCallsManageDatabasesAndUsers() {
        VeriClient c = client(tmp.resolve("state"));
        AdminClient admin = c.admin();
        assertThat(admin.createDatabase("salesdb", false)).isFalse();
        assertThat(admin.createDatabase("salesdb", true)).isTrue();
        assertThat(admin.listDatabases()).extracting(DatabaseInfo::name).contains("defaultdb", "salesdb");
        admin.createUser("alice", "Secret-1!", Permission.READ_WRITE, "salesdb");
        assertThat(admin.listUsers()).anySatisfy(u -> {
            assertThat(u.name()).isEqualTo("alice");
            assertThat(u.permissions()).containsEntry("salesdb", Permission.READ_WRITE);
        });
        admin.grant("alice", "defaultdb", Permission.READ);
        admin.changePassword("alice", "Secret-1!", "Secret-2!");
        admin.setActiveUser("alice", false);
        assertThatThrownBy(() -> VeriClient.builder().address("127.0.0.1", server.port())
                .credentials("alice", "Secret-2!").database("salesdb").build())
                .isInstanceOf(VeriClientException.class);
        admin.setActiveUser("alice", true);
        try (VeriClient alice = VeriClient.builder().address("127.0.0.1", server.port())
                .credentials("alice", "Secret-2!").database("SalesDB").stateStore(new MemoryStateStore()).build()) {
            alice.verifiedSet("deal", "42");
            assertThat(alice.trustedState().database()).isEqualTo("salesdb");
        }
        c.useDatabase("salesdb");
        assertThat(c.verifiedGet("deal").valueAsString()).isEqualTo("42");
        assertThat(c.trustedState().database()).isEqualTo("salesdb");
        admin.unloadDatabase("salesdb");
        admin.loadDatabase("salesdb");
    }

    @Test
    void eventStoreClientAppendsReadsAndSubscribes() throws Exception {
        try (EventStoreClient events = EventStoreClient.builder().address("127.0.0.1:" + server.dcbPort()).build()) {
            assumeDcbFaceServes(events);
            assertThat(events.head()).isEmpty();
            long pos = events.append(List.of(DcbEvent.of("Opened", List.of("acct:1"), b("{}")),
                    DcbEvent.of("Deposited", List.of("acct:1"), b("{\"n\":5}"))));
            assertThat(pos).isEqualTo(2);
            DcbQuery acct = DcbQuery.of(DcbQueryItem.tags("acct:1"));
            long head;
            try (EventStream read = events.read(acct)) {
                head = read.head().orElseThrow();
                List<String> types = new ArrayList<>();
                read.forEachRemaining(e -> types.add(e.event().type()));
                assertThat(types).containsExactly("Opened", "Deposited");
            }
            assertThatThrownBy(() -> events.append(List.of(DcbEvent.of("Withdrawn", List.of("acct:1"), b("{}"))),
                    AppendCondition.failIfMatch(acct, 1)))
                    .isInstanceOf(IntegrityException.class)
                    .hasMessageContaining("integrity");
            assertThat(events.append(List.of(DcbEvent.of("Withdrawn", List.of("acct:1"), b("{}"))),
                    AppendCondition.failIfMatch(acct, head))).isEqualTo(3);
            try (EventStream back = events.read(acct, OptionalLong.empty(), true, OptionalInt.of(1))) {
                assertThat(back.next().position()).isEqualTo(3);
            }
            assertThat(events.verifiedEvent(2).event().type()).isEqualTo("Deposited");
            assertThat(events.trustedEventState().txId()).isPositive();
            try (EventStream all = events.read(DcbQuery.all())) {
                all.forEachRemaining(events::verify);
            }
            try (EventStream sub = events.subscribe(DcbQuery.all(), OptionalLong.of(2))) {
                SequencedEvent first = sub.next();
                assertThat(first.position()).isEqualTo(3);
                events.append(List.of(DcbEvent.of("Closed", List.of("acct:1"), b("{}"))));
                assertThat(sub.next().event().type()).isEqualTo("Closed");
            }
        }
    }
}
