package io.veridb.server;

import static io.veridb.server.Protos.get;
import static io.veridb.server.Protos.set;
import static io.veridb.server.Statuses.assertFails;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.Empty;
import io.grpc.Status.Code;
import io.veridb.kv.GetQuery;
import io.veridb.kv.KvStore;
import io.veridb.ledger.Ledger;
import io.veridb.ledger.LedgerOptions;
import io.veridb.protocol.immudb.ChangePasswordRequest;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.NullableBool;
import io.veridb.protocol.immudb.UpdateDatabaseRequest;
import io.veridb.server.auth.Permission;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RestartTest {
    @TempDir
    Path dir;

    @Test
    void identityUsersDatabasesAndDataSurviveARestart() throws Exception {
        String uuid;
        ImmutableState before;
        try (TestServer t = TestServer.start(dir)) {
            uuid = t.server().uuid();
            ImmuServiceBlockingStub admin = t.admin();
            Admin.createDatabase(admin, "db1");
            Admin.createUser(admin, "bob", "Bob-pass1", Permission.READ_WRITE, "db1");
            ImmuServiceBlockingStub bob = t.session("bob", "Bob-pass1", "db1");
            bob.set(set("k", "v"));
            before = bob.currentState(Empty.getDefaultInstance());
            admin.changePassword(ChangePasswordRequest.newBuilder().setUser(Protos.bytes("immudb"))
                    .setOldPassword(Protos.bytes("immudb")).setNewPassword(Protos.bytes("Secret12!")).build());
        }
        try (TestServer t = TestServer.start(dir)) {
            assertThat(t.server().uuid()).isEqualTo(uuid);
            ImmuServiceBlockingStub bob = t.session("bob", "Bob-pass1", "db1");
            assertThat(bob.get(get("k")).getValue().toStringUtf8()).isEqualTo("v");
            assertThat(bob.currentState(Empty.getDefaultInstance())).isEqualTo(before);
            assertFails(() -> t.session("immudb", "immudb", "defaultdb"), Code.UNKNOWN,
                    "invalid user name or password");
            t.session("immudb", "Secret12!", "defaultdb");
        }
    }

    @Test
    void databasesWithAutoloadOffStayUnloaded() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            Admin.createDatabase(admin, "lazy");
            admin.updateDatabaseV2(UpdateDatabaseRequest.newBuilder().setDatabase("lazy")
                    .setSettings(DatabaseNullableSettings.newBuilder()
                            .setAutoload(NullableBool.newBuilder().setValue(false)))
                    .build());
        }
        try (TestServer t = TestServer.start(dir)) {
            assertFails(() -> t.session("immudb", "immudb", "lazy").currentState(Empty.getDefaultInstance()),
                    Code.UNKNOWN, "already closed");
        }
    }

    @Test
    void forceAdminPasswordResetsTheSysadminPasswordButMustMeetThePolicy() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            t.admin();
        }
        assertThatThrownBy(() -> TestServer.start(dir, b -> b.adminPassword("weak").forceAdminPassword(true)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("--force-admin-password: password must be between 8 and 32 characters long");
        try (TestServer t = TestServer.start(dir, b -> b.adminPassword("Reset-123").forceAdminPassword(true))) {
            t.session("immudb", "Reset-123", "defaultdb");
        }
        try (TestServer t = TestServer.start(dir, b -> b.adminPassword("Other-123"))) {
            assertFails(() -> t.session("immudb", "Other-123", "defaultdb"), Code.UNKNOWN,
                    "invalid user name or password");
        }
    }

    @Test
    void usersAreTamperEvidentEntriesInSystemdbWithBcryptHashes() throws Exception {
        try (TestServer t = TestServer.start(dir, b -> b.adminPassword("First-pass1"))) {
            Admin.createUser(t.session("immudb", "First-pass1", "defaultdb"), "bob", "Bob-pass1",
                    Permission.READ, "defaultdb");
        }
        try (Ledger systemdb = Ledger.open(dir.resolve("systemdb"), LedgerOptions.defaults())) {
            KvStore kv = new KvStore(systemdb);
            String admin = new String(kv.get(GetQuery.latest("veridb/user/immudb".getBytes(StandardCharsets.UTF_8)))
                    .value(), StandardCharsets.UTF_8);
            String bob = new String(kv.get(GetQuery.latest("veridb/user/bob".getBytes(StandardCharsets.UTF_8)))
                    .value(), StandardCharsets.UTF_8);
            assertThat(admin).contains("hash=$2a$10$", "sysadmin=true").doesNotContain("First-pass1");
            assertThat(bob).contains("hash=$2a$10$", "perm=defaultdb:1").doesNotContain("Bob-pass1");
            assertThat(kv.get(GetQuery.latest("veridb/db/defaultdb".getBytes(StandardCharsets.UTF_8))).tx())
                    .isPositive();
        }
    }
}
