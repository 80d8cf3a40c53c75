package io.veridb.server;

import static io.veridb.server.Protos.get;
import static io.veridb.server.Protos.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import io.grpc.ClientInterceptors;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.TxHeader;
import io.veridb.protocol.immudb.VerifiableEntry;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableTx;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerSmokeTest {
    @TempDir
    Path dir;

    @Test
    void sessionClientSetsGetsAndVerifies() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub s = t.admin();
            ImmutableState empty = s.currentState(Empty.getDefaultInstance());
            assertThat(empty.getDb()).isEqualTo("defaultdb");
            assertThat(empty.getTxId()).isZero();

            TxHeader h = s.set(set("k1", "v1"));
            assertThat(h.getId()).isEqualTo(1);
            Entry e = s.get(get("k1"));
            assertThat(e.getValue().toStringUtf8()).isEqualTo("v1");
            assertThat(e.getTx()).isEqualTo(1);

            VerifiableTx vtx = s.verifiableSet(VerifiableSetRequest.newBuilder().setSetRequest(set("k2", "v2"))
                    .setProveSinceTx(1).build());
            assertThat(vtx.getTx().getHeader().getId()).isEqualTo(2);
            assertThat(vtx.hasSignature()).isFalse();

            VerifiableEntry ve = s.verifiableGet(VerifiableGetRequest.newBuilder().setKeyRequest(get("k1"))
                    .setProveSinceTx(2).build());
            assertThat(ve.getEntry().getValue().toStringUtf8()).isEqualTo("v1");
            assertThat(s.currentState(Empty.getDefaultInstance()).getTxId()).isEqualTo(2);
        }
    }

    @Test
    void tokenClientLogsInUsesDatabaseAndWrites() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub s = t.login("immudb", "immudb");
            String token = s.useDatabase(io.veridb.protocol.immudb.Database.newBuilder().setDatabaseName("defaultdb")
                    .build()).getToken();
            ImmuServiceBlockingStub db = t.withToken(token);
            db.set(set("a", "1"));
            assertThat(db.get(get("a")).getValue().toStringUtf8()).isEqualTo("1");
        }
    }

    @Test
    void everyResponseCarriesTheServerUuid() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            AtomicReference<Metadata> headers = new AtomicReference<>();
            AtomicReference<Metadata> trailers = new AtomicReference<>();
            ImmuServiceBlockingStub s = ImmuServiceGrpc.newBlockingStub(ClientInterceptors.intercept(t.channel(),
                    MetadataUtils.newCaptureMetadataInterceptor(headers, trailers)));
            assertThat(s.health(Empty.getDefaultInstance()).getVersion()).isEqualTo("1.11.1");
            assertThat(headers.get().get(TestServer.UUID)).isEqualTo(t.server().uuid()).hasSize(20);
        }
    }
}
