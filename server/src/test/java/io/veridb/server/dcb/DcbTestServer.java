package io.veridb.server.dcb;

import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.StatusRuntimeException;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.veridb.events.EventIndexes;
import io.veridb.ledger.Ledger;
import io.veridb.ledger.LedgerOptions;
import io.veridb.protocol.umadb.v1.DCBGrpc;
import io.veridb.protocol.umadb.v1.ErrorResponse;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A DcbFace over a real ledger in a temporary directory, served by grpc-netty on an ephemeral loopback port. */
final class DcbTestServer implements AutoCloseable {
    final Ledger ledger;
    final DcbFace face;
    final Server server;
    final ManagedChannel channel;

    DcbTestServer(Path dir, String apiKey) throws IOException {
        this(dir, apiKey, LedgerOptions.defaults());
    }

    DcbTestServer(Path dir, String apiKey, LedgerOptions options) throws IOException {
        ledger = Ledger.open(dir, options.withSecondaryIndexes(EventIndexes.secondaryIndexes()));
        face = DcbFace.create(ledger, new DcbSettings("dcbdb", apiKey));
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(64 << 20);
        for (ServerServiceDefinition s : face.services()) {
            builder.addService(s);
        }
        server = builder.build().start();
        channel = NettyChannelBuilder.forAddress("127.0.0.1", server.getPort()).usePlaintext()
                .maxInboundMessageSize(4 << 20).build();
    }

    DCBGrpc.DCBBlockingStub dcb() {
        return DCBGrpc.newBlockingStub(channel);
    }

    DCBGrpc.DCBStub dcbAsync() {
        return DCBGrpc.newStub(channel);
    }

    /** The raw ErrorResponse in the grpc-status-details-bin trailer. */
    static ErrorResponse details(StatusRuntimeException e) {
        byte[] raw = e.getTrailers() == null ? null : e.getTrailers().get(
                Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER));
        if (raw == null) {
            throw new AssertionError("no grpc-status-details-bin trailer on " + e.getStatus());
        }
        try {
            return ErrorResponse.parseFrom(raw);
        } catch (com.google.protobuf.InvalidProtocolBufferException ex) {
            throw new AssertionError("trailer is not an ErrorResponse", ex);
        }
    }

    @Override
    public void close() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        face.close();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        ledger.close();
    }
}
