package io.veridb.server.dcb;

import io.grpc.ForwardingServerCall;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.Status;
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
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * A DcbFace over a real ledger in a temporary directory, served by grpc-netty on an ephemeral loopback port with
 * the production threading: the calls of {@link DcbInlineCalls} on the event loop, the others on a pool. Records
 * the thread that closes each call ({@link #closingThreads}).
 */
final class DcbTestServer implements AutoCloseable {
    final Ledger ledger;
    final DcbFace face;
    final Server server;
    final ManagedChannel channel;
    /** Full method name and thread name of every call the server closed, in order. */
    final Queue<String> closingThreads = new ConcurrentLinkedQueue<>();
    private final ExecutorService pool = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "dcb-test-pool");
        t.setDaemon(true);
        return t;
    });

    DcbTestServer(Path dir, String apiKey) throws IOException {
        this(dir, apiKey, LedgerOptions.defaults());
    }

    DcbTestServer(Path dir, String apiKey, LedgerOptions options) throws IOException {
        ledger = Ledger.open(dir, options.withSecondaryIndexes(EventIndexes.secondaryIndexes()));
        face = DcbFace.create(ledger, new DcbSettings("dcbdb", apiKey));
        NettyServerBuilder builder = NettyServerBuilder.forAddress(new InetSocketAddress("127.0.0.1", 0))
                .maxInboundMessageSize(64 << 20)
                .directExecutor()
                .callExecutor(new ServerCallExecutorSupplier() {
                    @Override
                    public <Q, R> Executor getExecutor(ServerCall<Q, R> call, Metadata headers) {
                        String method = call.getMethodDescriptor().getFullMethodName();
                        return DcbInlineCalls.METHODS.contains(method) ? null : pool;
                    }
                });
        for (ServerServiceDefinition s : face.services()) {
            builder.addService(ServerInterceptors.intercept(s, new ClosingThreadRecorder()));
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

    /** Records which thread closes each call. */
    private final class ClosingThreadRecorder implements ServerInterceptor {
        @Override
        public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
                ServerCallHandler<Q, R> next) {
            return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                @Override
                public void close(Status status, Metadata trailers) {
                    closingThreads.add(call.getMethodDescriptor().getFullMethodName() + " "
                            + Thread.currentThread().getName());
                    super.close(status, trailers);
                }
            }, headers);
        }
    }

    @Override
    public void close() throws Exception {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        face.close();
        server.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        pool.shutdownNow();
        ledger.close();
    }
}
