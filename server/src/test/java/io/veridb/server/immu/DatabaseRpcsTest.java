package io.veridb.server.immu;

import static io.veridb.server.Protos.get;
import static io.veridb.server.Protos.set;
import static io.veridb.server.Statuses.assertFails;
import static io.veridb.server.Statuses.assertFailsStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import io.grpc.Status.Code;
import io.veridb.protocol.immudb.CreateDatabaseRequest;
import io.veridb.protocol.immudb.CreateDatabaseResponse;
import io.veridb.protocol.immudb.Database;
import io.veridb.protocol.immudb.DatabaseInfo;
import io.veridb.protocol.immudb.DatabaseListRequestV2;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.protocol.immudb.DatabaseSettingsRequest;
import io.veridb.protocol.immudb.DeleteDatabaseRequest;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.LoadDatabaseRequest;
import io.veridb.protocol.immudb.NullableBool;
import io.veridb.protocol.immudb.NullableUint32;
import io.veridb.protocol.immudb.ServerInfoRequest;
import io.veridb.protocol.immudb.TxRequest;
import io.veridb.protocol.immudb.UnloadDatabaseRequest;
import io.veridb.protocol.immudb.UpdateDatabaseRequest;
import io.veridb.server.Admin;
import io.veridb.server.TestServer;
import io.veridb.server.auth.Permission;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseRpcsTest {
    @TempDir
    Path dir;

    private static NullableUint32 u32(int v) {
        return NullableUint32.newBuilder().setValue(v).build();
    }

    private static Database db(String name) {
        return Database.newBuilder().setDatabaseName(name).build();
    }

    @Test
    void createDatabaseV2AppliesHeaderVersionAndLimits() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            CreateDatabaseResponse r = admin.createDatabaseV2(CreateDatabaseRequest.newBuilder().setName("Legacy")
                    .setSettings(DatabaseNullableSettings.newBuilder().setWriteTxHeaderVersion(u32(0))
                            .setMaxKeyLen(u32(16)).setMaxTxEntries(u32(2)))
                    .build());
            assertThat(r.getName()).isEqualTo("legacy");
            assertThat(r.getAlreadyExisted()).isFalse();
            assertThat(r.getSettings().getWriteTxHeaderVersion().getValue()).isZero();
            assertThat(r.getSettings().getMaxValueLen().getValue()).isEqualTo(1 << 25);

            admin.useDatabase(db("legacy"));
            admin.set(set("k", "v"));
            assertThat(admin.txById(TxRequest.newBuilder().setTx(1).build()).getHeader().getVersion()).isZero();
            assertFailsStartingWith(() -> admin.set(set("k".repeat(16), "v")), Code.UNKNOWN,
                    "max key length exceeded");
            assertThat(admin.getDatabaseSettingsV2(DatabaseSettingsRequest.getDefaultInstance()).getSettings()
                    .getMaxKeyLen().getValue()).isEqualTo(16);
        }
    }

    @Test
    void createDatabaseRefusesDuplicatesReservedAndInvalidNames() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            Admin.createDatabase(admin, "db1");
            assertFails(() -> Admin.createDatabase(admin, "db1"), Code.UNKNOWN, "database already exists");
            assertThat(admin.createDatabaseV2(CreateDatabaseRequest.newBuilder().setName("db1").setIfNotExists(true)
                    .build()).getAlreadyExisted()).isTrue();
            assertFails(() -> Admin.createDatabase(admin, "defaultdb"), Code.UNKNOWN, "database is reserved");
            assertFails(() -> Admin.createDatabase(admin, "systemdb"), Code.UNKNOWN, "database is reserved");
            assertFails(() -> Admin.createDatabase(admin, "my-db"), Code.UNKNOWN,
                    "punctuation marks and symbols are not allowed in database name");
            assertFails(() -> Admin.createDatabase(admin, ""), Code.UNKNOWN, "database name length outside of limits");
            assertFails(() -> admin.createDatabaseV2(CreateDatabaseRequest.newBuilder().setName("v2")
                            .setSettings(DatabaseNullableSettings.newBuilder().setWriteTxHeaderVersion(u32(3)))
                            .build()),
                    Code.UNKNOWN, "illegal arguments: writeTxHeaderVersion=3, want 0..1");
            admin.createDatabase(db("viav1"));
        }
    }

    @Test
    void listShowsDatabasesTheCallerMayUse() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            Admin.createDatabase(admin, "db1");
            Admin.createDatabase(admin, "db2");
            admin.set(set("a", "1"));
            admin.set(set("b", "2"));
            List<DatabaseInfo> all = admin.databaseListV2(DatabaseListRequestV2.getDefaultInstance())
                    .getDatabasesList();
            assertThat(all).extracting(DatabaseInfo::getName).containsExactly("db1", "db2", "defaultdb");
            DatabaseInfo def = all.get(2);
            assertThat(def.getLoaded()).isTrue();
            assertThat(def.getNumTransactions()).isEqualTo(2);
            assertThat(def.getDiskSize()).isPositive();
            assertThat(all.get(0).getCreatedBy()).isEqualTo("immudb");
            assertThat(admin.databaseList(Empty.getDefaultInstance()).getDatabasesList())
                    .extracting(Database::getDatabaseName).containsExactly("db1", "db2", "defaultdb");

            Admin.createUser(admin, "bob", "Bob-pass1", Permission.READ, "db2");
            assertThat(t.session("bob", "Bob-pass1", "db2").databaseListV2(DatabaseListRequestV2
                    .getDefaultInstance()).getDatabasesList()).extracting(DatabaseInfo::getName)
                    .containsExactly("db2");
            assertThat(admin.serverInfo(ServerInfoRequest.getDefaultInstance()).getNumDatabases()).isEqualTo(3);
            assertThat(admin.serverInfo(ServerInfoRequest.getDefaultInstance()).getNumTransactions()).isEqualTo(2);
        }
    }

    @Test
    void unloadLoadAndDelete() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            Admin.createDatabase(admin, "db1");
            ImmuServiceBlockingStub inDb1 = t.session("immudb", "immudb", "db1");
            inDb1.set(set("k", "v"));
            admin.unloadDatabase(UnloadDatabaseRequest.newBuilder().setDatabase("db1").build());
            assertFails(() -> inDb1.get(get("k")), Code.UNKNOWN, "already closed");
            assertFails(() -> admin.useDatabase(db("db1")), Code.UNKNOWN, "already closed");
            assertFails(() -> admin.unloadDatabase(UnloadDatabaseRequest.newBuilder().setDatabase("db1").build()),
                    Code.UNKNOWN, "already closed");
            admin.loadDatabase(LoadDatabaseRequest.newBuilder().setDatabase("db1").build());
            assertThat(inDb1.get(get("k")).getValue().toStringUtf8()).isEqualTo("v");
            assertFails(() -> admin.loadDatabase(LoadDatabaseRequest.newBuilder().setDatabase("db1").build()),
                    Code.UNKNOWN, "database already loaded");
            assertFails(() -> admin.deleteDatabase(DeleteDatabaseRequest.newBuilder().setDatabase("db1").build()),
                    Code.UNKNOWN, "cannot delete an open database");

            admin.unloadDatabase(UnloadDatabaseRequest.newBuilder().setDatabase("db1").build());
            admin.deleteDatabase(DeleteDatabaseRequest.newBuilder().setDatabase("db1").build());
            assertThat(dir.resolve("db1")).doesNotExist();
            assertFails(() -> inDb1.get(get("k")), Code.UNKNOWN, "database does not exist");
            assertFails(() -> admin.loadDatabase(LoadDatabaseRequest.newBuilder().setDatabase("db1").build()),
                    Code.UNKNOWN, "database does not exist");
            Admin.createDatabase(admin, "db1");
            assertThat(t.session("immudb", "immudb", "db1").currentState(Empty.getDefaultInstance()).getTxId())
                    .isZero();
        }
    }

    @Test
    void reservedDatabasesCannotBeUnloadedOrDeletedAndOnlyAdminsManageDatabases() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            assertFails(() -> admin.unloadDatabase(UnloadDatabaseRequest.newBuilder().setDatabase("defaultdb")
                    .build()), Code.UNKNOWN, "database is reserved");
            assertFails(() -> admin.deleteDatabase(DeleteDatabaseRequest.newBuilder().setDatabase("systemdb")
                    .build()), Code.UNKNOWN, "database is reserved");
            Admin.createDatabase(admin, "db1");
            Admin.createUser(admin, "bob", "Bob-pass1", Permission.READ_WRITE, "db1");
            ImmuServiceBlockingStub bob = t.session("bob", "Bob-pass1", "db1");
            assertFails(() -> bob.unloadDatabase(UnloadDatabaseRequest.newBuilder().setDatabase("db1").build()),
                    Code.UNKNOWN,
                    "the database 'db1' does not exist or you do not have admin permission on this database");
            assertFails(() -> bob.updateDatabaseV2(UpdateDatabaseRequest.newBuilder().setDatabase("db1").build()),
                    Code.UNKNOWN, "loggedin user does not have permissions for this operation");
        }
    }

    @Test
    void updateDatabaseKeepsLimitsFixed() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            Admin.createDatabase(admin, "db1");
            assertFails(() -> admin.updateDatabaseV2(UpdateDatabaseRequest.newBuilder().setDatabase("db1")
                            .setSettings(DatabaseNullableSettings.newBuilder().setMaxValueLen(u32(10))).build()),
                    Code.UNKNOWN,
                    "illegal arguments: max value length can not be changed after database creation ('db1')");
            DatabaseNullableSettings s = admin.updateDatabaseV2(UpdateDatabaseRequest.newBuilder()
                    .setDatabase("db1").setSettings(DatabaseNullableSettings.newBuilder()
                            .setAutoload(NullableBool.newBuilder().setValue(false)))
                    .build()).getSettings();
            assertThat(s.getAutoload().getValue()).isFalse();
            assertThat(s.getMaxKeyLen().getValue()).isEqualTo(1024);
        }
    }
}
