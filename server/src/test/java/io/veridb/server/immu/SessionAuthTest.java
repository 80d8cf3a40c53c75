package io.veridb.server.immu;

import static io.veridb.server.Protos.bytes;
import static io.veridb.server.Protos.get;
import static io.veridb.server.Protos.set;
import static io.veridb.server.Statuses.assertFails;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import io.grpc.Status.Code;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.OpenSessionRequest;
import io.veridb.protocol.immudb.OpenSessionResponse;
import io.veridb.server.TestServer;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SessionAuthTest {
    @TempDir
    Path dir;

    private static OpenSessionRequest open(String user, String password, String db) {
        return OpenSessionRequest.newBuilder().setUsername(bytes(user)).setPassword(bytes(password))
                .setDatabaseName(db).build();
    }

    @Test
    void openSessionReturnsAnIdAndTheServerUuid() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            OpenSessionResponse r = t.anonymous().openSession(open("immudb", "immudb", "DefaultDB"));
            assertThat(r.getSessionID()).hasSize(44);
            assertThat(r.getServerUUID()).isEqualTo(t.server().uuid());
            ImmuServiceBlockingStub s = t.withSession(r.getSessionID());
            s.keepAlive(Empty.getDefaultInstance());
            assertThat(s.currentState(Empty.getDefaultInstance()).getDb()).isEqualTo("defaultdb");
        }
    }

    @Test
    void wrongCredentialsAndUnknownDatabasesAreRefused() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            assertFails(() -> t.anonymous().openSession(open("immudb", "wrong", "defaultdb")), Code.UNKNOWN,
                    "invalid user name or password");
            assertFails(() -> t.anonymous().openSession(open("nobody", "immudb", "defaultdb")), Code.UNKNOWN,
                    "invalid user name or password");
            assertFails(() -> t.anonymous().openSession(open("immudb", "immudb", "nosuchdb")), Code.UNKNOWN,
                    "database does not exist");
        }
    }

    @Test
    void callsWithoutOrWithUnknownSessionsAreRefused() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            assertFails(() -> t.anonymous().get(get("k")), Code.UNKNOWN, "not logged in");
            assertFails(() -> t.anonymous().keepAlive(Empty.getDefaultInstance()), Code.UNKNOWN,
                    "no sessionID provided");
            ImmuServiceBlockingStub bogus = t.withSession("AAAA");
            assertFails(() -> bogus.set(set("k", "v")), Code.PERMISSION_DENIED, "session not found");
            assertFails(() -> bogus.keepAlive(Empty.getDefaultInstance()), Code.PERMISSION_DENIED,
                    "session not found");
            assertFails(() -> bogus.streamGet(get("k")).hasNext(), Code.INVALID_ARGUMENT, "no session found");
        }
    }

    @Test
    void closedSessionsAreGone() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub s = t.admin();
            s.set(set("k", "v"));
            s.closeSession(Empty.getDefaultInstance());
            assertFails(() -> s.get(get("k")), Code.PERMISSION_DENIED, "session not found");
            assertFails(() -> s.closeSession(Empty.getDefaultInstance()), Code.PERMISSION_DENIED,
                    "session not found");
        }
    }

    @Test
    void sessionLimitIsEnforced() throws Exception {
        try (TestServer t = TestServer.start(dir, b -> b.maxSessions(2))) {
            t.admin();
            ImmuServiceBlockingStub second = t.admin();
            assertFails(t::admin, Code.UNKNOWN, "can not create new session: max sessions number reached");
            second.closeSession(Empty.getDefaultInstance());
            t.admin();
        }
    }

    @Test
    void idleSessionsExpireWhileKeepAliveKeepsOthersOpen() throws Exception {
        // The timeout is 20 keep-alive periods, so a slow machine cannot make a keep-alive late (with 600 ms and
        // a keep-alive every 150 ms, one slow first call on a new channel could); the idle session is tried only
        // once the timeout has surely passed since it was opened.
        Duration timeout = Duration.ofSeconds(2);
        try (TestServer t = TestServer.start(dir, b -> b.sessionTimeout(timeout)
                .sessionsGuardInterval(Duration.ofMillis(100)))) {
            ImmuServiceBlockingStub idle = t.admin();
            long idleSince = System.nanoTime(); // its last activity was its opening, before this
            ImmuServiceBlockingStub alive = t.admin();
            do {
                Thread.sleep(100);
                alive.keepAlive(Empty.getDefaultInstance());
            } while (System.nanoTime() - idleSince <= timeout.toNanos());
            assertFails(() -> idle.currentState(Empty.getDefaultInstance()), Code.PERMISSION_DENIED,
                    "session not found");
            assertThat(alive.currentState(Empty.getDefaultInstance()).getDb()).isEqualTo("defaultdb");
        }
    }

    @Test
    void useDatabaseSwitchesTheSessionsDatabase() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub s = t.admin();
            io.veridb.server.Admin.createDatabase(s, "db1");
            s.useDatabase(io.veridb.protocol.immudb.Database.newBuilder().setDatabaseName("db1").build());
            assertThat(s.currentState(Empty.getDefaultInstance()).getDb()).isEqualTo("db1");
            s.set(set("only-in-db1", "x"));
            s.useDatabase(io.veridb.protocol.immudb.Database.newBuilder().setDatabaseName("defaultdb").build());
            assertFails(() -> s.get(get("only-in-db1")), Code.UNKNOWN, "tbtree: key not found");
        }
    }
}
