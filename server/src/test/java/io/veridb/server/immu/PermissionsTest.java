package io.veridb.server.immu;

import static io.veridb.server.Protos.bytes;
import static io.veridb.server.Protos.get;
import static io.veridb.server.Protos.set;
import static io.veridb.server.Statuses.assertFails;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.google.protobuf.Empty;
import io.grpc.Status.Code;
import io.veridb.protocol.immudb.DeleteKeysRequest;
import io.veridb.protocol.immudb.ExecAllRequest;
import io.veridb.protocol.immudb.FlushIndexRequest;
import io.veridb.protocol.immudb.HistoryRequest;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceStub;
import io.veridb.protocol.immudb.KeyListRequest;
import io.veridb.protocol.immudb.KeyPrefix;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.Op;
import io.veridb.protocol.immudb.ReferenceRequest;
import io.veridb.protocol.immudb.ScanRequest;
import io.veridb.protocol.immudb.TxRequest;
import io.veridb.protocol.immudb.TxScanRequest;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableReferenceRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableTxRequest;
import io.veridb.protocol.immudb.VerifiableZAddRequest;
import io.veridb.protocol.immudb.ZAddRequest;
import io.veridb.protocol.immudb.ZScanRequest;
import io.veridb.server.Admin;
import io.veridb.server.Chunks;
import io.veridb.server.TestServer;
import io.veridb.server.auth.Permission;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** immudb's per-RPC permission map: reads 1/2/254/255, writes (and GetAll) 2/254/255, index admin 254/255. */
class PermissionsTest {
    @TempDir
    Path dir;

    private TestServer t;

    @BeforeEach
    void start() throws Exception {
        t = TestServer.start(dir);
        ImmuServiceBlockingStub admin = t.admin();
        admin.set(set("k", "v"));
        admin.zAdd(ZAddRequest.newBuilder().setSet(bytes("s")).setKey(bytes("k")).setScore(1).build());
        Admin.createUser(admin, "reader", "Reader-1!", Permission.READ, "defaultdb");
        Admin.createUser(admin, "writer", "Writer-1!", Permission.READ_WRITE, "defaultdb");
        Admin.createUser(admin, "dbadmin", "Dbadmin-1!", Permission.ADMIN, "defaultdb");
    }

    @org.junit.jupiter.api.AfterEach
    void stop() throws Exception {
        t.close();
    }

    private static Map<String, ThrowingCallable> reads(ImmuServiceBlockingStub s) {
        Map<String, ThrowingCallable> m = new LinkedHashMap<>();
        m.put("Get", () -> s.get(get("k")));
        m.put("VerifiableGet", () -> s.verifiableGet(VerifiableGetRequest.newBuilder().setKeyRequest(get("k"))
                .build()));
        m.put("Scan", () -> s.scan(ScanRequest.getDefaultInstance()));
        m.put("ZScan", () -> s.zScan(ZScanRequest.newBuilder().setSet(bytes("s")).build()));
        m.put("History", () -> s.history(HistoryRequest.newBuilder().setKey(bytes("k")).build()));
        m.put("TxById", () -> s.txById(TxRequest.newBuilder().setTx(1).build()));
        m.put("VerifiableTxById", () -> s.verifiableTxById(VerifiableTxRequest.newBuilder().setTx(1).build()));
        m.put("TxScan", () -> s.txScan(TxScanRequest.newBuilder().setInitialTx(1).build()));
        m.put("Count", () -> s.count(KeyPrefix.newBuilder().setPrefix(bytes("k")).build()));
        m.put("CountAll", () -> s.countAll(Empty.getDefaultInstance()));
        m.put("CurrentState", () -> s.currentState(Empty.getDefaultInstance()));
        m.put("DatabaseHealth", () -> s.databaseHealth(Empty.getDefaultInstance()));
        m.put("streamGet", () -> s.streamGet(get("k")).forEachRemaining(c -> {}));
        m.put("streamScan", () -> s.streamScan(ScanRequest.getDefaultInstance()).forEachRemaining(c -> {}));
        m.put("streamHistory", () -> s.streamHistory(HistoryRequest.newBuilder().setKey(bytes("k")).build())
                .forEachRemaining(c -> {}));
        m.put("streamZScan", () -> s.streamZScan(ZScanRequest.newBuilder().setSet(bytes("s")).build())
                .forEachRemaining(c -> {}));
        return m;
    }

    private static Map<String, ThrowingCallable> writes(ImmuServiceBlockingStub s, ImmuServiceStub async, String u) {
        Map<String, ThrowingCallable> m = new LinkedHashMap<>();
        m.put("Set", () -> s.set(set(u + "1", "v")));
        m.put("VerifiableSet", () -> s.verifiableSet(VerifiableSetRequest.newBuilder().setSetRequest(set(u + "2", "v"))
                .build()));
        m.put("GetAll", () -> s.getAll(KeyListRequest.newBuilder().addKeys(bytes("k")).build()));
        m.put("ExecAll", () -> s.execAll(ExecAllRequest.newBuilder().addOperations(Op.newBuilder()
                .setKv(KeyValue.newBuilder().setKey(bytes(u + "3")).setValue(bytes("v")))).build()));
        m.put("SetReference", () -> s.setReference(ReferenceRequest.newBuilder().setKey(bytes(u + "r1"))
                .setReferencedKey(bytes("k")).build()));
        m.put("VerifiableSetReference", () -> s.verifiableSetReference(VerifiableReferenceRequest.newBuilder()
                .setReferenceRequest(ReferenceRequest.newBuilder().setKey(bytes(u + "r2")).setReferencedKey(bytes("k")))
                .build()));
        m.put("ZAdd", () -> s.zAdd(ZAddRequest.newBuilder().setSet(bytes(u)).setKey(bytes("k")).setScore(2).build()));
        m.put("VerifiableZAdd", () -> s.verifiableZAdd(VerifiableZAddRequest.newBuilder().setZAddRequest(
                ZAddRequest.newBuilder().setSet(bytes(u)).setKey(bytes("k")).setScore(3)).build()));
        m.put("Delete", () -> s.delete(DeleteKeysRequest.newBuilder().addKeys(bytes(u + "1")).build()));
        m.put("streamSet", () -> Chunks.streamSet(async, u + "4", "v"));
        return m;
    }

    private static Map<String, ThrowingCallable> admin(ImmuServiceBlockingStub s) {
        Map<String, ThrowingCallable> m = new LinkedHashMap<>();
        m.put("FlushIndex", () -> s.flushIndex(FlushIndexRequest.getDefaultInstance()));
        m.put("CompactIndex", () -> s.compactIndex(Empty.getDefaultInstance()));
        return m;
    }

    private static void allowed(Map<String, ThrowingCallable> calls) {
        calls.forEach((name, call) -> assertThatCode(call).as(name).doesNotThrowAnyException());
    }

    private static void denied(Map<String, ThrowingCallable> calls) {
        calls.forEach((name, call) -> assertFails(call, Code.INTERNAL, "permission denied"));
    }

    @Test
    void readOnlyUsersMayOnlyRead() {
        String id = t.openSession("reader", "Reader-1!", "defaultdb");
        ImmuServiceBlockingStub s = t.withSession(id);
        allowed(reads(s));
        denied(writes(s, t.asyncWithSession(id), "r"));
        denied(admin(s));
    }

    @Test
    void readWriteUsersMayReadAndWriteButNotAdminister() {
        String id = t.openSession("writer", "Writer-1!", "defaultdb");
        ImmuServiceBlockingStub s = t.withSession(id);
        allowed(reads(s));
        allowed(writes(s, t.asyncWithSession(id), "w"));
        denied(admin(s));
    }

    @Test
    void databaseAdminsMayDoEverythingOnTheirDatabase() {
        String id = t.openSession("dbadmin", "Dbadmin-1!", "defaultdb");
        ImmuServiceBlockingStub s = t.withSession(id);
        allowed(reads(s));
        allowed(writes(s, t.asyncWithSession(id), "a"));
        allowed(admin(s));
        assertFails(() -> Admin.createDatabase(s, "x"), Code.UNKNOWN,
                "loggedin user does not have permissions for this operation");
    }

    @Test
    void systemdbServesNoDataRpcsEvenToTheSysadmin() {
        String id = t.openSession("immudb", "immudb", "systemdb");
        ImmuServiceBlockingStub s = t.withSession(id);
        denied(reads(s));
        denied(writes(s, t.asyncWithSession(id), "x"));
        denied(admin(s));
        ImmuServiceBlockingStub token = t.withToken(t.login("immudb", "immudb")
                .useDatabase(io.veridb.protocol.immudb.Database.newBuilder().setDatabaseName("systemdb").build())
                .getToken());
        assertFails(() -> token.get(get("veridb/user/immudb")), Code.INTERNAL, "permission denied");
    }
}
