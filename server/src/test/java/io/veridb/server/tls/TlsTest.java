package io.veridb.server.tls;

import static io.veridb.server.Protos.bytes;
import static io.veridb.server.Protos.get;
import static io.veridb.server.Protos.set;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.GrpcSslContexts;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContextBuilder;
import io.grpc.stub.MetadataUtils;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.OpenSessionRequest;
import io.veridb.server.ServerConfig;
import io.veridb.server.TestServer;
import io.veridb.server.VeriDbServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** TLS and mutual TLS with certificates made by keytool in the test. */
class TlsTest {
    @TempDir
    static Path pkiDir;

    @TempDir
    Path dir;

    private static Path ca;
    private static TestCerts.Leaf serverCert;
    private static TestCerts.Leaf good;
    private static TestCerts.Leaf rogue;
    private final List<ManagedChannel> channels = new ArrayList<>();

    @BeforeAll
    static void pki() throws Exception {
        TestCerts certs = new TestCerts(pkiDir);
        ca = certs.ca("testca");
        serverCert = certs.leaf("localhost", "testca");
        good = certs.leaf("client", "testca");
        certs.ca("rogueca");
        rogue = certs.leaf("rogue", "rogueca");
    }

    @AfterEach
    void closeChannels() throws InterruptedException {
        for (ManagedChannel ch : channels) {
            ch.shutdownNow();
            ch.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private VeriDbServer start(boolean mtls) throws Exception {
        return VeriDbServer.start(ServerConfig.builder().dir(dir.resolve("data")).address("127.0.0.1").port(0)
                .dcbPort(-1).certificate(serverCert.certificate()).pkey(serverCert.key())
                .clientcas(mtls ? ca : null).mtls(mtls).build());
    }

    private ImmuServiceBlockingStub client(int port, TestCerts.Leaf clientCert) throws Exception {
        SslContextBuilder ssl = GrpcSslContexts.forClient().trustManager(ca.toFile());
        if (clientCert != null) {
            ssl.keyManager(clientCert.certificate().toFile(), clientCert.key().toFile());
        }
        ManagedChannel ch = NettyChannelBuilder.forAddress("localhost", port).sslContext(ssl.build()).build();
        channels.add(ch);
        return ImmuServiceGrpc.newBlockingStub(ch).withDeadlineAfter(20, TimeUnit.SECONDS);
    }

    private static ImmuServiceBlockingStub session(ImmuServiceBlockingStub anonymous) {
        String id = anonymous.openSession(OpenSessionRequest.newBuilder().setUsername(bytes("immudb"))
                .setPassword(bytes("immudb")).setDatabaseName("defaultdb").build()).getSessionID();
        Metadata md = new Metadata();
        md.put(TestServer.SESSION_ID, id);
        return anonymous.withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
    }

    @Test
    void servesOverTlsAndRefusesPlaintext() throws Exception {
        try (VeriDbServer server = start(false)) {
            ImmuServiceBlockingStub s = session(client(server.port(), null));
            s.set(set("k", "v"));
            assertThat(s.get(get("k")).getValue().toStringUtf8()).isEqualTo("v");

            ManagedChannel plain = NettyChannelBuilder.forAddress("localhost", server.port()).usePlaintext().build();
            channels.add(plain);
            StatusRuntimeException e = catchThrowableOfType(StatusRuntimeException.class,
                    () -> ImmuServiceGrpc.newBlockingStub(plain).withDeadlineAfter(10, TimeUnit.SECONDS)
                            .health(Empty.getDefaultInstance()));
            assertThat(e.getStatus().getCode()).isIn(Status.Code.UNAVAILABLE, Status.Code.INTERNAL,
                    Status.Code.DEADLINE_EXCEEDED);
        }
    }

    @Test
    void mutualTlsRequiresAClientCertificateFromTheClientCas() throws Exception {
        try (VeriDbServer server = start(true)) {
            ImmuServiceBlockingStub s = session(client(server.port(), good));
            s.set(set("k", "v"));
            assertThat(s.get(get("k")).getValue().toStringUtf8()).isEqualTo("v");

            ImmuServiceBlockingStub anonymous = client(server.port(), null);
            assertThat(catchThrowableOfType(StatusRuntimeException.class,
                    () -> anonymous.health(Empty.getDefaultInstance())).getStatus().getCode())
                    .isEqualTo(Status.Code.UNAVAILABLE);
            ImmuServiceBlockingStub stranger = client(server.port(), rogue);
            assertThat(catchThrowableOfType(StatusRuntimeException.class,
                    () -> stranger.health(Empty.getDefaultInstance())).getStatus().getCode())
                    .isEqualTo(Status.Code.UNAVAILABLE);
        }
    }
}
