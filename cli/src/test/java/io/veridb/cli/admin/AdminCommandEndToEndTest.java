package io.veridb.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.cli.CliRun;
import io.veridb.cli.JsonText;
import io.veridb.cli.RunningServer;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminCommandEndToEndTest {

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

    private CliRun admin(String... rest) {
        return server.run(state, "admin", rest);
    }

    private static Map<String, Object> json(CliRun r) {
        assertThat(r.out()).as(r.toString()).hasLineCount(1);
        return JsonText.object(r.out().trim());
    }

    /** Runs a client command as {@code user}. */
    private CliRun as(String user, String password, String... rest) {
        String[] args = server.args(state, "client", rest);
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--password")) {
                args[i + 1] = password;
            }
        }
        String[] withUser = new String[args.length + 2];
        withUser[0] = args[0];
        withUser[1] = "--username";
        withUser[2] = user;
        System.arraycopy(args, 1, withUser, 3, args.length - 1);
        return CliRun.of(withUser);
    }

    @Test
    void createsADatabaseWithHeaderVersionZeroAndLimits() {
        CliRun r = admin("database", "create", "legacy", "--header-version", "0", "--max-key-len", "64",
                "--max-value-len", "4096", "--max-tx-entries", "8", "--json");
        assertThat(json(r)).containsEntry("database", "legacy").containsEntry("created", true)
                .containsEntry("headerVersion", 0L).containsEntry("maxKeyLen", 64L)
                .containsEntry("maxValueLen", 4096L).containsEntry("maxTxEntries", 8L);
        CliRun set = server.run(state, "client", "--database", "legacy", "safeset", "k", "v", "--json");
        assertThat(set.exitCode()).as(set.toString()).isZero();
        CliRun tx = server.run(state, "client", "--database", "legacy", "verify-tx", "1", "--json");
        assertThat(json(tx)).containsEntry("version", 0L);
        CliRun tooLong = server.run(state, "client", "--database", "legacy", "set", "k".repeat(100), "v");
        assertThat(tooLong.exitCode()).isEqualTo(1);
        assertThat(tooLong.err()).contains("max key length exceeded");
    }

    @Test
    void createTwiceFailsUnlessIfNotExists() {
        assertThat(admin("database", "create", "twice").exitCode()).isZero();
        CliRun again = admin("database", "create", "twice");
        assertThat(again.exitCode()).isEqualTo(1);
        assertThat(again.err()).contains("already exists");
        assertThat(json(admin("database", "create", "twice", "--if-not-exists", "--json")))
                .containsEntry("created", false);
    }

    @Test
    void badHeaderVersionIsAUsageError() {
        CliRun r = admin("database", "create", "bad", "--header-version", "2");
        assertThat(r.exitCode()).isEqualTo(2);
        assertThat(r.err()).contains("--header-version=2, want 0 or 1");
    }

    @Test
    void listUnloadAndLoadDatabases() {
        admin("database", "create", "cycle");
        Map<String, Boolean> loaded = loaded(json(admin("database", "list", "--json")));
        assertThat(loaded).containsEntry("defaultdb", true).containsEntry("cycle", true);
        assertThat(admin("database", "unload", "cycle").exitCode()).isZero();
        assertThat(loaded(json(admin("database", "list", "--json")))).containsEntry("cycle", false);
        assertThat(server.run(state, "client", "--database", "cycle", "set", "a", "b").exitCode()).isEqualTo(1);
        assertThat(admin("db", "load", "cycle").exitCode()).isZero();
        assertThat(server.run(state, "client", "--database", "cycle", "set", "a", "b").exitCode()).isZero();
    }

    @Test
    void userLifecycleCreatePermissionPasswordAndActivation() {
        admin("database", "create", "shop", "--if-not-exists");
        CliRun create = admin("user", "create", "bob", "read", "shop", "--user-password", "Bob-pass1");
        assertThat(create.exitCode()).as(create.toString()).isZero();
        assertThat(create.out()).contains("permission: read").contains("database:   shop");
        assertThat(as("bob", "Bob-pass1", "--database", "shop", "set", "k", "v").exitCode())
                .as("read-only user cannot write").isEqualTo(1);
        assertThat(admin("user", "permission", "grant", "bob", "readwrite", "shop").exitCode()).isZero();
        assertThat(as("bob", "Bob-pass1", "--database", "shop", "set", "k", "v").exitCode()).isZero();
        Map<String, Object> users = json(admin("user", "list", "--json"));
        assertThat(users.toString()).contains("user=bob").contains("shop:readwrite");
        assertThat(admin("user", "password", "bob", "--new-password", "Bob-pass2").exitCode()).isZero();
        assertThat(as("bob", "Bob-pass1", "--database", "shop", "login").exitCode()).isEqualTo(1);
        assertThat(as("bob", "Bob-pass2", "--database", "shop", "login").exitCode()).isZero();
        assertThat(admin("user", "activate", "bob", "--off").exitCode()).isZero();
        CliRun inactive = as("bob", "Bob-pass2", "--database", "shop", "login");
        assertThat(inactive.exitCode()).isEqualTo(1);
        assertThat(inactive.err()).contains("not active");
        assertThat(admin("user", "activate", "bob").exitCode()).isZero();
        assertThat(as("bob", "Bob-pass2", "--database", "shop", "login").exitCode()).isZero();
    }

    @Test
    void weakPasswordsAreRefusedBeforeAnythingIsSent() {
        CliRun weak = admin("user", "create", "carol", "read", "defaultdb", "--user-password", "short");
        assertThat(weak.exitCode()).isEqualTo(2);
        assertThat(weak.err()).contains("password has 5 characters");
        CliRun sent = admin("user", "create", "carol", "read", "defaultdb", "--user-password", "short",
                "--weak-password");
        assertThat(sent.exitCode()).as("VeriDB's server enforces the rule too").isEqualTo(1);
        assertThat(sent.err()).contains("CreateUser").doesNotContain("short");
        assertThat(json(admin("user", "list", "--json")).toString()).doesNotContain("carol");
    }

    @Test
    void passwordsNeverAppearInOutput() {
        String secret = "Xyzzy-Secret-42";
        List<CliRun> runs = List.of(
                admin("user", "create", "dave", "readwrite", "defaultdb", "--user-password", secret, "--json"),
                admin("user", "list", "--json"),
                admin("user", "list"),
                as("dave", secret, "login", "--json"),
                as("dave", secret, "safeset", "dk", "dv", "--json"),
                as("dave", secret, "current-state"),
                as("dave", "Wrong-" + secret, "login"));
        for (CliRun r : runs) {
            assertThat(r.out() + r.err()).as(r.toString()).doesNotContain(secret);
        }
        assertThat(runs.get(0).exitCode()).isZero();
        assertThat(runs.get(4).exitCode()).isZero();
    }

    @Test
    void aNonAdminUserCannotCreateDatabases() {
        admin("user", "create", "erin", "readwrite", "defaultdb", "--user-password", "Erin-pass1");
        String[] args = server.args(state, "admin", "database", "create", "erins");
        args[4] = "Erin-pass1";
        String[] withUser = new String[args.length + 2];
        withUser[0] = "admin";
        withUser[1] = "--username";
        withUser[2] = "erin";
        System.arraycopy(args, 1, withUser, 3, args.length - 1);
        CliRun r = CliRun.of(withUser);
        assertThat(r.exitCode()).as(r.toString()).isEqualTo(1);
        assertThat(r.err()).contains("CreateDatabaseV2").contains("does not have permissions");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Boolean> loaded(Map<String, Object> list) {
        Map<String, Boolean> out = new java.util.TreeMap<>();
        for (Map<String, Object> d : (List<Map<String, Object>>) list.get("databases")) {
            out.put((String) d.get("database"), (Boolean) d.get("loaded"));
        }
        return out;
    }
}
