package io.veridb.interop.immudb;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.veridb.protocol.immudb.CreateDatabaseRequest;
import io.veridb.protocol.immudb.CreateDatabaseResponse;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.NullableUint32;
import io.veridb.protocol.immudb.OpenSessionRequest;
import io.veridb.protocol.immudb.OpenSessionResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * immudb-node 1.1.1 (token auth, immudb 1.0 proto) runs node/immudb_interop.js. That SDK hashes headers and entries
 * the header-version-0 way only, so the driver first creates its database with {@code writeTxHeaderVersion = 0}.
 */
class ImmudbNodeSdkTest {

    private static final String DB = "nodedb";

    @TempDir
    Path tmp;

    @Test
    void immudbNodeVerifiesOperationsOnAHeaderVersion0Database() throws Exception {
        Path nodeDir = Toolchains.immudbNodeDir();
        Path node = Toolchains.requireBinary("node");
        SigningKey key = SigningKey.generate(tmp.resolve("keys"));
        try (ServerUnderTest server = ServerUnderTest.start(tmp.resolve("data"), key)) {
            createHeaderV0Database(server, DB);
            ClientRun run = ClientRun.run(
                    List.of(node.toString(), nodeDir.resolve("immudb_interop.js").toString(), "--host",
                            server.host(), "--port", Integer.toString(server.port()), "--db", DB, "--state",
                            tmp.resolve("node-state.json").toString()),
                    nodeDir, Map.of("HOME", tmp.toString()), Duration.ofMinutes(3));
            run.assertSucceeded("ok   verifiedSet x25 carries the trusted state", "ok   verifiedGet x25",
                    "ok   setReference + get through it", "ok   zAdd + zScan order", "ok   history",
                    "ok   scan prefix", "ok   txById", "ok   verifiedTxById of an old tx", "ALL OK");
        }
    }

    /** CreateDatabaseV2 with settings.writeTxHeaderVersion = 0, as sysadmin over a session. */
    static void createHeaderV0Database(ServerUnderTest server, String name) throws InterruptedException {
        ManagedChannel channel = Grpc.newChannelBuilderForAddress(server.host(), server.port(),
                InsecureChannelCredentials.create()).build();
        try {
            ImmuServiceGrpc.ImmuServiceBlockingStub stub = ImmuServiceGrpc.newBlockingStub(channel)
                    .withDeadlineAfter(30, TimeUnit.SECONDS);
            OpenSessionResponse session = stub.openSession(OpenSessionRequest.newBuilder()
                    .setUsername(ByteString.copyFrom("immudb", StandardCharsets.UTF_8))
                    .setPassword(ByteString.copyFrom("immudb", StandardCharsets.UTF_8))
                    .setDatabaseName("defaultdb")
                    .build());
            Metadata headers = new Metadata();
            headers.put(Metadata.Key.of("sessionid", Metadata.ASCII_STRING_MARSHALLER), session.getSessionID());
            ImmuServiceGrpc.ImmuServiceBlockingStub authed =
                    stub.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
            CreateDatabaseResponse created = authed.createDatabaseV2(CreateDatabaseRequest.newBuilder()
                    .setName(name)
                    .setSettings(DatabaseNullableSettings.newBuilder()
                            .setWriteTxHeaderVersion(NullableUint32.newBuilder().setValue(0)))
                    .build());
            assertThat(created.getName()).isEqualTo(name);
            authed.closeSession(Empty.getDefaultInstance());
        } finally {
            channel.shutdownNow().awaitTermination(10, TimeUnit.SECONDS);
        }
    }
}
