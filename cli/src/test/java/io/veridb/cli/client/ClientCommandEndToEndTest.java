package io.veridb.cli.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.cli.CliRun;
import io.veridb.cli.JsonText;
import io.veridb.cli.RunningServer;
import io.veridb.client.DatabaseState;
import io.veridb.client.FileStateStore;
import io.veridb.proofs.Hashes;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ClientCommandEndToEndTest {

    @TempDir
    static Path root;

    static RunningServer server;

    @TempDir
    Path state;

    @BeforeAll
    static void startServer() throws IOException {
        server = RunningServer.start(root);
    }

    @AfterAll
    static void stopServer() {
        server.close();
    }

    private CliRun client(String... rest) {
        return server.run(state, "client", rest);
    }

    private static Map<String, Object> json(CliRun r) {
        assertThat(r.out()).as(r.toString()).hasLineCount(1);
        return JsonText.object(r.out().trim());
    }

    @Test
    void loginReportsTheUserDatabaseAndServerAndPinsIt() {
        CliRun r = client("login");
        assertThat(r.exitCode()).as(r.toString()).isZero();
        assertThat(r.out()).contains("user:     immudb").contains("database: defaultdb")
                .contains("server:   " + server.uuid());
        assertThat(r.err()).contains("default password");
        assertThat(new FileStateStore(state).pinnedIdentity(server.address())).contains(server.uuid());
    }

    @Test
    void setThenGetPrintsTheValueAndItsTransaction() {
        CliRun set = client("set", "greeting", "hello world");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        assertThat(set.out()).contains("key:      greeting").contains("value:    hello world")
                .contains("verified: false");
        CliRun get = client("--json", "get", "greeting");
        Map<String, Object> m = json(get);
        assertThat(m).containsEntry("key", "greeting").containsEntry("value", "hello world")
                .containsEntry("verified", false);
        assertThat((Long) m.get("tx")).isPositive();
    }

    @Test
    void safesetAndSafegetVerifyAndPersistTheTrustedState() {
        CliRun set = client("safeset", "acct", "100", "--json");
        Map<String, Object> written = json(set);
        assertThat(written).containsEntry("verified", true);
        long tx = (Long) written.get("tx");
        assertThat(written).containsEntry("trustedTxId", tx);
        client("set", "other", "x");
        Map<String, Object> read = json(client("safeget", "acct", "--json"));
        assertThat(read).containsEntry("value", "100").containsEntry("tx", tx).containsEntry("verified", true)
                .as("proving an older entry keeps the trusted state").containsEntry("trustedTxId", tx);
        long latest = (Long) json(client("current-state", "--json")).entrySet().stream()
                .filter(e -> e.getKey().equals("current")).map(e -> ((Map<?, ?>) e.getValue()).get("txId"))
                .findFirst().orElseThrow();
        Map<String, Object> moved = json(client("verify-tx", Long.toString(latest), "--json"));
        assertThat(moved).containsEntry("trustedTxId", latest);
        DatabaseState trusted = new FileStateStore(state).load(server.uuid(), "defaultdb").orElseThrow();
        assertThat(trusted.txId()).isEqualTo(latest).isGreaterThan(tx);
    }

    @Test
    void readingAnOlderRevisionOrTransaction() {
        long first = (Long) json(client("set", "ver", "one", "--json")).get("tx");
        client("set", "ver", "two");
        assertThat(json(client("get", "ver", "--at-tx", Long.toString(first), "--json")))
                .containsEntry("value", "one");
        assertThat(json(client("safeget", "ver", "--at-revision", "1", "--json")))
                .containsEntry("value", "one").containsEntry("revision", 1L);
        CliRun both = client("get", "ver", "--at-tx", "1", "--at-revision", "1");
        assertThat(both.exitCode()).as(both.toString()).isEqualTo(2);
        assertThat(both.err()).contains("mutually exclusive");
    }

    @Test
    void aMissingKeyExitsOneWithTheReasonOnStderrOrAsJson() {
        CliRun text = client("get", "no-such-key");
        assertThat(text.exitCode()).isEqualTo(1);
        assertThat(text.out()).isEmpty();
        assertThat(text.err()).isEqualTo("veridb client get: key not found\n");
        CliRun js = client("--json", "safeget", "no-such-key");
        assertThat(js.exitCode()).isEqualTo(1);
        assertThat(json(js)).containsEntry("error", "key not found").containsEntry("exitCode", 1L);
    }

    @Test
    void historyScanAndDeleteWorkTogether() {
        client("set", "h/a", "1");
        client("set", "h/a", "2");
        client("set", "h/b", "3");
        Map<String, Object> hist = json(client("history", "h/a", "--json"));
        assertThat(hist).containsEntry("count", 2L);
        assertThat(values(hist, "entries")).containsExactly("1", "2");
        assertThat(values(json(client("history", "h/a", "--desc", "--limit", "1", "--json")), "entries"))
                .containsExactly("2");
        assertThat(values(json(client("scan", "h/", "--json")), "entries")).containsExactly("2", "3");
        assertThat(client("delete", "h/b").exitCode()).isZero();
        assertThat(values(json(client("scan", "h/", "--json")), "entries")).containsExactly("2");
        assertThat(client("scan", "nothing-here/").out()).isEqualTo("no keys\n");
    }

    @Test
    void sortedSetsAndReferences() {
        client("set", "z/a", "A");
        client("set", "z/b", "B");
        assertThat(client("zadd", "board", "2.5", "z/a").exitCode()).isZero();
        assertThat(json(client("zadd", "--verified", "board", "1", "z/b", "--json"))).containsEntry("verified", true);
        Map<String, Object> members = json(client("zscan", "board", "--json"));
        assertThat(values(members, "members")).containsExactly("B", "A");
        assertThat(values(json(client("zscan", "board", "--min", "2", "--json")), "members")).containsExactly("A");
        assertThat(json(client("ref", "z/alias", "z/a", "--verified", "--json"))).containsEntry("verified", true);
        Map<String, Object> viaRef = json(client("safeget", "z/alias", "--json"));
        assertThat(viaRef).containsEntry("key", "z/a").containsEntry("value", "A");
        assertThat(viaRef.get("referencedBy").toString()).contains("key=z/alias");
    }

    @Test
    void txAndVerifyTxShowTheHeaderAndTheEntries() {
        long tx = (Long) json(client("set", "t/k", "v", "--json")).get("tx");
        CliRun text = client("tx", Long.toString(tx));
        assertThat(text.exitCode()).as(text.toString()).isZero();
        assertThat(text.out()).startsWith("tx:       " + tx + "\n").contains("nentries: 1\n")
                .contains("entries:\n  kind:   kv\n  key:    t/k\n  hValue: ").endsWith("verified: false\n");
        Map<String, Object> verified = json(client("verify-tx", Long.toString(tx), "--json"));
        assertThat(verified).containsEntry("tx", tx).containsEntry("verified", true).containsEntry("nentries", 1L);
        assertThat((String) verified.get("alh")).hasSize(64);
        CliRun missing = client("verify-tx", "999999");
        assertThat(missing.exitCode()).isEqualTo(1);
    }

    @Test
    void statusAndCurrentStateDescribeTheServer() {
        Map<String, Object> status = json(client("status", "--json"));
        assertThat(status).containsEntry("healthy", true).containsEntry("server", server.uuid());
        client("set", "cs", "1");
        Map<String, Object> cs = json(client("current-state", "--json"));
        @SuppressWarnings("unchecked")
        Map<String, Object> current = (Map<String, Object>) cs.get("current");
        assertThat(current).containsEntry("database", "defaultdb").containsEntry("signatureChecked", false);
        assertThat(cs.get("trusted")).isEqualTo(current.entrySet().stream()
                .filter(e -> !e.getKey().equals("signatureChecked"))
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
    }

    @Test
    void useSelectsTheDatabaseForLaterClientCommandsOfThatUser() {
        assertThat(server.run(state, "admin", "database", "create", "usedb", "--if-not-exists").exitCode()).isZero();
        CliRun use = client("use", "usedb");
        assertThat(use.exitCode()).as(use.toString()).isZero();
        assertThat(use.out()).contains("database: usedb");
        client("set", "where", "usedb");
        assertThat(json(client("get", "where", "--json"))).containsEntry("value", "usedb");
        assertThat(client("--database", "defaultdb", "get", "where").exitCode()).isEqualTo(1);
        assertThat(client("use", "no_such_db").exitCode()).isEqualTo(1);
    }

    @Test
    void aForgedTrustedStateMakesVerifiedReadsFailWithExitThree() {
        client("set", "f/k", "v");
        client("set", "f/k2", "v2");
        new FileStateStore(state).pin(server.address(), server.uuid());
        new FileStateStore(state).save(server.uuid(), new DatabaseState("defaultdb", 1,
                Hashes.sha256(new byte[] {42}), new byte[0]));
        CliRun r = client("safeget", "f/k");
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(3);
        assertThat(r.err()).startsWith("veridb client safeget: verification failed: ");
        assertThat(client("get", "f/k").exitCode()).as("unverified reads still work").isZero();
    }

    @Test
    void anotherServerAtThePinnedAddressIsRefusedWithExitThree() {
        new FileStateStore(state).pin(server.address(), "someotherserveruuid0");
        CliRun r = client("--json", "login");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat((String) json(r).get("error")).contains("server identity changed at " + server.address());
    }

    @Test
    void aWrongPasswordExitsOneAndIsNotEchoed() {
        CliRun r = CliRun.of("client", "--address", server.address(), "--password", "Wr0ng-Secret!",
                "--state-dir", state.toString(), "--config", root.resolve("client.toml").toString(), "--json",
                "login");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.out() + r.err()).contains("invalid user name or password").doesNotContain("Wr0ng-Secret!");
    }

    @SuppressWarnings("unchecked")
    private static List<Object> values(Map<String, Object> list, String name) {
        return ((List<Map<String, Object>>) list.get(name)).stream().map(e -> e.get("value")).toList();
    }
}
