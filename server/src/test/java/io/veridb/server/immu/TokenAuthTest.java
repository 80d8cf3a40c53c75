package io.veridb.server.immu;

import static io.veridb.server.Protos.bytes;
import static io.veridb.server.Protos.get;
import static io.veridb.server.Protos.set;
import static io.veridb.server.Statuses.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import io.grpc.Status.Code;
import io.veridb.protocol.immudb.ChangePasswordRequest;
import io.veridb.protocol.immudb.Database;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.LoginRequest;
import io.veridb.protocol.immudb.LoginResponse;
import io.veridb.server.Admin;
import io.veridb.server.TestServer;
import io.veridb.server.auth.Permission;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TokenAuthTest {
    @TempDir
    Path dir;

    private static LoginRequest login(String user, String password) {
        return LoginRequest.newBuilder().setUser(bytes(user)).setPassword(bytes(password)).build();
    }

    private static Database db(String name) {
        return Database.newBuilder().setDatabaseName(name).build();
    }

    @Test
    void defaultPasswordLoginWarnsUntilThePasswordIsChanged() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            LoginResponse first = t.anonymous().login(login("immudb", "immudb"));
            assertThat(first.getWarning().toStringUtf8())
                    .isEqualTo("immudb user has the default password: please change it to ensure proper security");
            ImmuServiceBlockingStub admin = t.withToken(first.getToken());
            admin.changePassword(ChangePasswordRequest.newBuilder().setUser(bytes("immudb"))
                    .setOldPassword(bytes("immudb")).setNewPassword(bytes("Secret12!")).build());
            assertThat(t.anonymous().login(login("immudb", "Secret12!")).getWarning().isEmpty()).isTrue();
            assertFails(() -> t.anonymous().login(login("immudb", "immudb")), Code.UNKNOWN,
                    "invalid user name or password");
            assertFails(() -> admin.currentState(Empty.getDefaultInstance()), Code.UNAUTHENTICATED,
                    "Token data not found");
        }
    }

    @Test
    void tokensWorkUntilLogout() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            String token = t.anonymous().login(login("immudb", "immudb")).getToken();
            ImmuServiceBlockingStub s = t.withToken(token);
            s.set(set("k", "v"));
            assertThat(s.get(get("k")).getValue().toStringUtf8()).isEqualTo("v");
            s.logout(Empty.getDefaultInstance());
            assertFails(() -> s.get(get("k")), Code.UNAUTHENTICATED, "Token data not found");
            assertFails(() -> t.withToken("garbage").get(get("k")), Code.UNAUTHENTICATED, "Token data not found");
        }
    }

    @Test
    void expiredTokensAreRefused() throws Exception {
        // Long enough that the first call is surely made in time on a slow machine (it was 300 ms, which a cold
        // channel's first call can exceed); the refusal is then awaited from the moment the token was issued.
        Duration expiry = Duration.ofSeconds(3);
        try (TestServer t = TestServer.start(dir, b -> b.tokenExpiry(expiry))) {
            ImmuServiceBlockingStub s = t.login("immudb", "immudb");
            long issuedBy = System.nanoTime(); // the server issued the token before login returned
            s.currentState(Empty.getDefaultInstance());
            while (System.nanoTime() - issuedBy <= expiry.toNanos()) {
                Thread.sleep(50);
            }
            assertFails(() -> s.currentState(Empty.getDefaultInstance()), Code.PERMISSION_DENIED,
                    "token has expired");
        }
    }

    @Test
    void usersWithoutDefaultdbMustSelectADatabase() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            Admin.createDatabase(admin, "db1");
            Admin.createUser(admin, "bob", "Bob-pass1", Permission.READ_WRITE, "db1");
            ImmuServiceBlockingStub bob = t.login("bob", "Bob-pass1");
            assertFails(() -> bob.set(set("k", "v")), Code.UNKNOWN, "please select a database first");
            assertFails(() -> bob.useDatabase(db("defaultdb")), Code.PERMISSION_DENIED,
                    "Logged in user does not have permission on this database");
            assertFails(() -> bob.useDatabase(db("nosuch")), Code.NOT_FOUND, "'nosuch' does not exist");
            ImmuServiceBlockingStub inDb1 = t.withToken(bob.useDatabase(db("db1")).getToken());
            inDb1.set(set("k", "v"));
            assertThat(inDb1.currentState(Empty.getDefaultInstance()).getDb()).isEqualTo("db1");
            assertFails(() -> t.session("bob", "Bob-pass1", "defaultdb"), Code.PERMISSION_DENIED,
                    "Logged in user does not have permission on this database");
        }
    }

    @Test
    void sessionIdTakesPrecedenceOverAToken() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub admin = t.admin();
            Admin.createDatabase(admin, "db1");
            String token = t.anonymous().login(login("immudb", "immudb")).getToken();
            String dbToken = t.withToken(token).useDatabase(db("db1")).getToken();
            io.grpc.Metadata md = new io.grpc.Metadata();
            md.put(TestServer.AUTHORIZATION, "Bearer " + dbToken);
            ImmuServiceBlockingStub both = admin.withInterceptors(
                    io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(md));
            assertThat(both.currentState(Empty.getDefaultInstance()).getDb()).isEqualTo("defaultdb");
        }
    }

    @Test
    void loginAndSessionsAreRefusedWhenAuthIsDisabledButLocalCallsWork() throws Exception {
        try (TestServer t = TestServer.start(dir, b -> b.auth(false))) {
            assertFails(() -> t.anonymous().login(login("immudb", "immudb")), Code.UNKNOWN,
                    "server is running with authentication disabled, please enable authentication to login");
            t.anonymous().set(set("k", "v"));
            assertThat(t.anonymous().get(get("k")).getValue().toStringUtf8()).isEqualTo("v");
        }
    }
}
