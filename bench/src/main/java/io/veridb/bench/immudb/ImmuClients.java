package io.veridb.bench.immudb;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.MetadataUtils;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.OpenSessionRequest;
import io.veridb.protocol.immudb.OpenSessionResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The sessions of one benchmark run against one server: each logical client has its own immudb session
 * ({@code OpenSession}, header {@code sessionid}), as each SDK client would; clients share {@code min(clients, 16)}
 * HTTP/2 connections.
 */
final class ImmuClients implements AutoCloseable {

    private static final Metadata.Key<String> SESSION_ID =
            Metadata.Key.of("sessionid", Metadata.ASCII_STRING_MARSHALLER);

    private final List<ManagedChannel> channels = new ArrayList<>();
    private final List<ImmuServiceGrpc.ImmuServiceFutureStub> stubs = new ArrayList<>();
    private final List<ImmuServiceGrpc.ImmuServiceBlockingStub> blocking = new ArrayList<>();

    ImmuClients(String host, int port, int clients, String user, String password, String database) {
        int connections = Math.min(clients, 16);
        for (int i = 0; i < connections; i++) {
            // directExecutor: replies are handled on the channel's event loop, not handed to a pool thread; fair
            // to every server and it leaves more of the shared cores to the server under test
            channels.add(NettyChannelBuilder.forAddress(host, port).usePlaintext().directExecutor()
                    .maxInboundMessageSize(32 * 1024 * 1024).build());
        }
        for (int c = 0; c < clients; c++) {
            ManagedChannel ch = channels.get(c % connections);
            OpenSessionResponse s = ImmuServiceGrpc.newBlockingStub(ch).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .openSession(OpenSessionRequest.newBuilder()
                            .setUsername(ByteString.copyFrom(user, StandardCharsets.UTF_8))
                            .setPassword(ByteString.copyFrom(password, StandardCharsets.UTF_8))
                            .setDatabaseName(database)
                            .build());
            Metadata headers = new Metadata();
            headers.put(SESSION_ID, s.getSessionID());
            stubs.add(ImmuServiceGrpc.newFutureStub(ch)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)));
            blocking.add(ImmuServiceGrpc.newBlockingStub(ch)
                    .withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers)));
        }
    }

    int size() {
        return stubs.size();
    }

    ImmuServiceGrpc.ImmuServiceFutureStub async(int client) {
        return stubs.get(client);
    }

    ImmuServiceGrpc.ImmuServiceBlockingStub blocking(int client) {
        return blocking.get(client).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        for (ImmuServiceGrpc.ImmuServiceBlockingStub b : blocking) {
            try {
                b.withDeadlineAfter(5, TimeUnit.SECONDS).closeSession(Empty.getDefaultInstance());
            } catch (RuntimeException e) {
                // The session may already be gone (server stopped); closing is best effort.
            }
        }
        for (ManagedChannel ch : channels) {
            ch.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
