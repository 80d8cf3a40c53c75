package io.veridb.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.MetadataUtils;
import io.grpc.stub.StreamObserver;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.umadb.v1.AppendRequest;
import io.veridb.protocol.umadb.v1.DCBGrpc;
import io.veridb.protocol.umadb.v1.Event;
import io.veridb.protocol.umadb.v1.HeadRequest;
import io.veridb.protocol.umadb.v1.SubscribeRequest;
import io.veridb.protocol.umadb.v1.SubscribeResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main port serves ImmuService and the DCB face over one ledger; the DCB port serves the DCB face only. */
class DcbPortsTest {
    @TempDir
    Path dir;

    private final List<ManagedChannel> channels = new ArrayList<>();

    @AfterEach
    void closeChannels() throws InterruptedException {
        for (ManagedChannel ch : channels) {
            ch.shutdownNow();
            ch.awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    private ManagedChannel channel(int port) {
        ManagedChannel ch = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        channels.add(ch);
        return ch;
    }

    private VeriDbServer start(String apiKey) throws Exception {
        return VeriDbServer.start(ServerConfig.builder().dir(dir).address("127.0.0.1").port(0).dcbPort(0)
                .dcbApiKey(apiKey).build());
    }

    private static AppendRequest append(String type) {
        return AppendRequest.newBuilder().addEvents(Event.newBuilder().setEventType(type).addTags("t")
                .setData(ByteString.copyFromUtf8("{}"))).build();
    }

    @Test
    void bothPortsServeDcbButOnlyTheMainPortServesImmudb() throws Exception {
        try (VeriDbServer server = start(null)) {
            assertThat(server.dcbPort()).isPositive().isNotEqualTo(server.port());
            DCBGrpc.DCBBlockingStub viaDcbPort = DCBGrpc.newBlockingStub(channel(server.dcbPort()));
            DCBGrpc.DCBBlockingStub viaMainPort = DCBGrpc.newBlockingStub(channel(server.port()));
            assertThat(viaDcbPort.head(HeadRequest.getDefaultInstance()).hasPosition()).isFalse();
            long position = viaDcbPort.append(append("Opened")).getPosition();
            assertThat(viaMainPort.head(HeadRequest.getDefaultInstance()).getPosition()).isEqualTo(position);

            assertThat(ImmuServiceGrpc.newBlockingStub(channel(server.port())).health(Empty.getDefaultInstance())
                    .getStatus()).isTrue();
            StatusRuntimeException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    StatusRuntimeException.class,
                    () -> ImmuServiceGrpc.newBlockingStub(channel(server.dcbPort()))
                            .health(Empty.getDefaultInstance()));
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNIMPLEMENTED);
        }
    }

    @Test
    void dcbEventsAreTransactionsOfTheDcbDatabase() throws Exception {
        try (VeriDbServer server = start(null)) {
            TestServerless t = new TestServerless(channel(server.port()));
            long before = t.admin().currentState(Empty.getDefaultInstance()).getTxId();
            DCBGrpc.newBlockingStub(channel(server.dcbPort())).append(append("Opened"));
            assertThat(t.admin().currentState(Empty.getDefaultInstance()).getTxId()).isEqualTo(before + 1);
        }
    }

    @Test
    void theApiKeyGuardsDcbOnly() throws Exception {
        try (VeriDbServer server = start("umadb:test-key")) {
            StatusRuntimeException e = org.assertj.core.api.Assertions.catchThrowableOfType(
                    StatusRuntimeException.class,
                    () -> DCBGrpc.newBlockingStub(channel(server.dcbPort())).head(HeadRequest.getDefaultInstance()));
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            Metadata md = new Metadata();
            md.put(TestServer.AUTHORIZATION, "Bearer umadb:test-key");
            DCBGrpc.newBlockingStub(channel(server.dcbPort()))
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md))
                    .head(HeadRequest.getDefaultInstance());
            assertThat(ImmuServiceGrpc.newBlockingStub(channel(server.port())).health(Empty.getDefaultInstance())
                    .getStatus()).isTrue();
        }
    }

    @Test
    void closeEndsSubscriptionsCleanly() throws Exception {
        VeriDbServer server = start(null);
        CompletableFuture<Status> end = new CompletableFuture<>();
        CountDownLatch first = new CountDownLatch(1);
        DCBGrpc.newStub(channel(server.dcbPort())).subscribe(SubscribeRequest.getDefaultInstance(),
                new StreamObserver<SubscribeResponse>() {
                    @Override
                    public void onNext(SubscribeResponse r) {
                        first.countDown();
                    }

                    @Override
                    public void onError(Throwable t) {
                        end.complete(Status.fromThrowable(t));
                    }

                    @Override
                    public void onCompleted() {
                        end.complete(Status.OK);
                    }
                });
        DCBGrpc.newBlockingStub(channel(server.dcbPort())).append(append("Opened"));
        assertThat(first.await(20, TimeUnit.SECONDS)).isTrue();
        server.close();
        assertThat(end.get(20, TimeUnit.SECONDS).getCode()).isEqualTo(Status.Code.OK);
    }

    /** Session helper on an existing channel. */
    private static final class TestServerless {
        private final ManagedChannel channel;

        TestServerless(ManagedChannel channel) {
            this.channel = channel;
        }

        ImmuServiceGrpc.ImmuServiceBlockingStub admin() {
            String id = ImmuServiceGrpc.newBlockingStub(channel).openSession(
                    io.veridb.protocol.immudb.OpenSessionRequest.newBuilder().setUsername(Protos.bytes("immudb"))
                            .setPassword(Protos.bytes("immudb")).setDatabaseName("defaultdb").build())
                    .getSessionID();
            Metadata md = new Metadata();
            md.put(TestServer.SESSION_ID, id);
            return ImmuServiceGrpc.newBlockingStub(channel).withInterceptors(
                    MetadataUtils.newAttachHeadersInterceptor(md));
        }
    }
}
