package io.veridb.server.immu;

import static io.veridb.server.Protos.bytes;
import static io.veridb.server.Protos.get;
import static io.veridb.server.Protos.set;
import static io.veridb.server.Statuses.assertFails;
import static io.veridb.server.Statuses.assertFailsStartingWith;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status.Code;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.MetadataUtils;
import io.veridb.protocol.immudb.CreateDatabaseRequest;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.protocol.immudb.DeleteKeysRequest;
import io.veridb.protocol.immudb.Entries;
import io.veridb.protocol.immudb.ExecAllRequest;
import io.veridb.protocol.immudb.HistoryRequest;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.KVMetadata;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.NullableUint32;
import io.veridb.protocol.immudb.Op;
import io.veridb.protocol.immudb.ReferenceRequest;
import io.veridb.protocol.immudb.ScanRequest;
import io.veridb.protocol.immudb.SetRequest;
import io.veridb.protocol.immudb.TxRequest;
import io.veridb.protocol.immudb.TxScanRequest;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableReferenceRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableTxRequest;
import io.veridb.protocol.immudb.VerifiableZAddRequest;
import io.veridb.protocol.immudb.ZAddRequest;
import io.veridb.protocol.immudb.ZScanRequest;
import io.veridb.server.TestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad input gets immudb's status code and message and leaves the stored data exactly as it was: every test records
 * the state (tx id and Alh) and the full key listing first and compares them at the end.
 */
class BadInputTest {
    private static final int MAX_RECV = 256 * 1024;
    /**
     * Short, so that one test can see a session expire, but far longer than any pause between two calls of a test
     * on a slow machine (creating a database and writing to it while the admin session idles, for one).
     */
    private static final Duration SESSION_TIMEOUT = Duration.ofSeconds(5);

    @TempDir
    Path dir;

    private TestServer t;
    private ImmuServiceBlockingStub s;
    private ImmutableState before;
    private Entries keysBefore;

    @BeforeEach
    void start() throws Exception {
        t = TestServer.start(dir, b -> b.maxRecvMsgSizeBytes(MAX_RECV).sessionTimeout(SESSION_TIMEOUT)
                .sessionsGuardInterval(Duration.ofMillis(100)));
        s = t.admin();
        s.set(set("k", "v"));
        s.zAdd(ZAddRequest.newBuilder().setSet(bytes("s")).setKey(bytes("k")).setScore(1).build());
        before = s.currentState(Empty.getDefaultInstance());
        keysBefore = s.scan(ScanRequest.getDefaultInstance());
    }

    @AfterEach
    void unchanged() throws Exception {
        ImmuServiceBlockingStub check = t.admin();
        assertThat(check.currentState(Empty.getDefaultInstance())).isEqualTo(before);
        assertThat(check.scan(ScanRequest.getDefaultInstance())).isEqualTo(keysBefore);
        t.close();
    }

    private static SetRequest setOf(int entries, int keyLength, int valueLength) {
        SetRequest.Builder b = SetRequest.newBuilder();
        for (int i = 0; i < entries; i++) {
            String key = String.format("%0" + Math.max(keyLength, 6) + "d", i).substring(0, Math.max(keyLength, 1));
            b.addKVs(KeyValue.newBuilder().setKey(bytes(keyLength == 0 ? "" : key))
                    .setValue(ByteString.copyFrom(new byte[valueLength])));
        }
        return b.build();
    }

    @Test
    void emptyAndDuplicateKeys() {
        assertFails(() -> s.set(setOf(1, 0, 1)), Code.INVALID_ARGUMENT, "illegal arguments");
        assertFails(() -> s.set(SetRequest.getDefaultInstance()), Code.UNKNOWN, "no entries provided");
        assertFails(() -> s.set(SetRequest.newBuilder()
                        .addKVs(KeyValue.newBuilder().setKey(bytes("d")).setValue(bytes("1")))
                        .addKVs(KeyValue.newBuilder().setKey(bytes("d")).setValue(bytes("2"))).build()),
                Code.INVALID_ARGUMENT, "duplicated keys are not supported in single batch transaction");
        assertFailsStartingWith(() -> s.get(KeyRequest.getDefaultInstance()), Code.UNKNOWN, "illegal arguments");
        assertFails(() -> s.delete(DeleteKeysRequest.getDefaultInstance()), Code.UNKNOWN, "no entries provided");
        assertFails(() -> s.zAdd(ZAddRequest.newBuilder().setKey(bytes("k")).build()), Code.INVALID_ARGUMENT,
                "illegal arguments");
    }

    @Test
    void malformedRequests() {
        assertFails(() -> s.execAll(ExecAllRequest.newBuilder().addOperations(Op.getDefaultInstance()).build()),
                Code.INVALID_ARGUMENT, "illegal arguments");
        assertFailsStartingWith(() -> s.get(KeyRequest.newBuilder().setKey(bytes("k")).setAtTx(1).setAtRevision(1)
                .build()), Code.UNKNOWN, "illegal arguments: ");
        assertFails(() -> s.zAdd(ZAddRequest.newBuilder().setSet(bytes("s")).setKey(bytes("k")).setBoundRef(true)
                .build()), Code.INVALID_ARGUMENT, "illegal arguments");
        s.createDatabaseV2(CreateDatabaseRequest.newBuilder().setName("legacy")
                .setSettings(DatabaseNullableSettings.newBuilder()
                        .setWriteTxHeaderVersion(NullableUint32.newBuilder().setValue(0)))
                .build());
        ImmuServiceBlockingStub legacy = t.session("immudb", "immudb", "legacy");
        assertFailsStartingWith(() -> legacy.set(SetRequest.newBuilder().addKVs(KeyValue.newBuilder()
                        .setKey(bytes("k")).setValue(bytes("v"))
                        .setMetadata(KVMetadata.newBuilder().setNonIndexable(true))).build()),
                Code.UNKNOWN, "metadata is unsupported when in 1.1 compatibility mode");
        assertThat(legacy.currentState(Empty.getDefaultInstance()).getTxId()).isZero();
    }

    @Test
    void oversizedKeysValuesAndTransactions() {
        // 1023 user bytes + the 1-byte prefix is the largest key; one more is refused.
        assertFailsStartingWith(() -> s.set(setOf(1, 1024, 1)), Code.UNKNOWN, "max key length exceeded");
        assertFailsStartingWith(() -> s.set(setOf(1025, 8, 1)), Code.UNKNOWN,
                "max number of entries per tx exceeded");
        s.createDatabaseV2(CreateDatabaseRequest.newBuilder().setName("small")
                .setSettings(DatabaseNullableSettings.newBuilder()
                        .setMaxValueLen(NullableUint32.newBuilder().setValue(1024)))
                .build());
        ImmuServiceBlockingStub small = t.session("immudb", "immudb", "small");
        assertFailsStartingWith(() -> small.set(setOf(1, 4, 1024)), Code.UNKNOWN, "max value length exceeded");
        small.set(setOf(1, 4, 1023));
        assertFailsStartingWith(() -> s.set(setOf(1, 4, MAX_RECV)), Code.RESOURCE_EXHAUSTED,
                "gRPC message exceeds maximum size " + MAX_RECV);
    }

    @Test
    void missingKeysTransactionsAndTargets() {
        assertFails(() -> s.get(get("nope")), Code.UNKNOWN, "tbtree: key not found");
        assertFails(() -> s.delete(DeleteKeysRequest.newBuilder().addKeys(bytes("nope")).build()), Code.UNKNOWN,
                "tbtree: key not found");
        assertFails(() -> s.setReference(ReferenceRequest.newBuilder().setKey(bytes("r"))
                .setReferencedKey(bytes("nope")).build()), Code.UNKNOWN, "tbtree: key not found");
        assertFails(() -> s.zAdd(ZAddRequest.newBuilder().setSet(bytes("s")).setKey(bytes("nope")).build()),
                Code.UNKNOWN, "tbtree: key not found");
        assertFailsStartingWith(() -> s.txById(TxRequest.newBuilder().setTx(999).build()), Code.UNKNOWN,
                "tx not found");
        assertFails(() -> s.setReference(ReferenceRequest.newBuilder().setKey(bytes("r")).setReferencedKey(bytes("k"))
                .setAtTx(1).build()), Code.INVALID_ARGUMENT, "illegal arguments");
    }

    @Test
    void resultLimitsOver2500() {
        assertFailsStartingWith(() -> s.scan(ScanRequest.newBuilder().setLimit(2501).build()), Code.UNKNOWN,
                "result size limit exceeded");
        assertFailsStartingWith(() -> s.history(HistoryRequest.newBuilder().setKey(bytes("k")).setLimit(2501)
                .build()), Code.UNKNOWN, "result size limit exceeded");
        assertFailsStartingWith(() -> s.zScan(ZScanRequest.newBuilder().setSet(bytes("s")).setLimit(2501).build()),
                Code.UNKNOWN, "result size limit exceeded");
        assertFailsStartingWith(() -> s.txScan(TxScanRequest.newBuilder().setInitialTx(1).setLimit(2501).build()),
                Code.UNKNOWN, "result size limit exceeded");
        s.scan(ScanRequest.newBuilder().setLimit(2500).build());
    }

    @Test
    void proveSinceTxInTheFuture() {
        long future = before.getTxId() + 5;
        assertFails(() -> s.verifiableSet(VerifiableSetRequest.newBuilder().setSetRequest(set("x", "y"))
                .setProveSinceTx(future).build()), Code.INVALID_ARGUMENT, "illegal state");
        assertFails(() -> s.verifiableGet(VerifiableGetRequest.newBuilder().setKeyRequest(get("k"))
                .setProveSinceTx(future).build()), Code.INVALID_ARGUMENT, "illegal state");
        assertFails(() -> s.verifiableSetReference(VerifiableReferenceRequest.newBuilder()
                .setReferenceRequest(ReferenceRequest.newBuilder().setKey(bytes("r")).setReferencedKey(bytes("k")))
                .setProveSinceTx(future).build()), Code.INVALID_ARGUMENT, "illegal arguments");
        assertFails(() -> s.verifiableZAdd(VerifiableZAddRequest.newBuilder().setZAddRequest(ZAddRequest.newBuilder()
                .setSet(bytes("s")).setKey(bytes("k")).setScore(9)).setProveSinceTx(future).build()),
                Code.INVALID_ARGUMENT, "illegal arguments");
        assertFailsStartingWith(() -> s.verifiableTxById(VerifiableTxRequest.newBuilder().setTx(1)
                .setProveSinceTx(future).build()), Code.UNKNOWN, "illegal state: latest txID=");
    }

    @Test
    void unknownDatabasesAndWrongOrExpiredSessions() throws Exception {
        assertFails(() -> t.session("immudb", "immudb", "nosuch"), Code.UNKNOWN, "database does not exist");
        assertFails(() -> s.useDatabase(io.veridb.protocol.immudb.Database.newBuilder().setDatabaseName("nosuch")
                .build()), Code.NOT_FOUND, "'nosuch' does not exist");
        assertFails(() -> t.withSession("forged").set(set("k", "forged")), Code.PERMISSION_DENIED,
                "session not found");
        assertFails(() -> t.anonymous().set(set("k", "anon")), Code.UNKNOWN, "not logged in");
        ImmuServiceBlockingStub idle = t.admin();
        long idleSince = System.nanoTime(); // its last activity was its opening, before this
        while (System.nanoTime() - idleSince <= SESSION_TIMEOUT.toNanos()) {
            Thread.sleep(50);
        }
        assertFails(() -> idle.set(set("k", "late")), Code.PERMISSION_DENIED, "session not found");
    }

    @Test
    void malformedProtobufIsRejectedBeforeAnyHandlerRuns() {
        // grpc-java reports a request it cannot parse as UNKNOWN "Application error processing RPC" (the parse
        // happens inside the transport, before any VeriDB code); immudb's grpc-go says INTERNAL. Either way nothing
        // is written.
        Metadata md = new Metadata();
        md.put(TestServer.SESSION_ID, t.openSession("immudb", "immudb", "defaultdb"));
        Channel ch = ClientInterceptors.intercept(t.channel(), MetadataUtils.newAttachHeadersInterceptor(md));
        MethodDescriptor<byte[], byte[]> raw = ImmuServiceGrpc.getSetMethod().toBuilder(new RawBytes(), new RawBytes())
                .build();
        // Field 1 (KVs), length-delimited, claims 100 bytes but only 2 follow.
        byte[] garbage = {0x0A, 0x64, 0x01, 0x02};
        assertFailsStartingWith(() -> ClientCalls.blockingUnaryCall(ch, raw, CallOptions.DEFAULT, garbage),
                Code.UNKNOWN, "Application error processing RPC");
    }

    /** Passes bytes through unparsed, to send malformed messages. */
    private static final class RawBytes implements MethodDescriptor.Marshaller<byte[]> {
        @Override
        public InputStream stream(byte[] value) {
            return new ByteArrayInputStream(value);
        }

        @Override
        public byte[] parse(InputStream stream) {
            try {
                return stream.readAllBytes();
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
