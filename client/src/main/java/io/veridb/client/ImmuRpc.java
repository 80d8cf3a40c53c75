package io.veridb.client;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.veridb.protocol.immudb.Chunk;
import io.grpc.stub.MetadataUtils;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceStub;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Unary calls to {@code immudb.schema.ImmuService} with the session header attached, a deadline per call, the
 * server's {@code immudb-uuid} response header checked against the pinned identity, and errors mapped by
 * {@link ImmuErrors}. Thread-safe.
 */
final class ImmuRpc {

    static final Metadata.Key<String> SESSION_ID = Metadata.Key.of("sessionid", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> SERVER_UUID =
            Metadata.Key.of("immudb-uuid", Metadata.ASCII_STRING_MARSHALLER);

    private final String address;
    private final ImmuServiceBlockingStub stub;
    private final ImmuServiceStub async;
    private final Duration timeout;
    private volatile String sessionId;
    private volatile String expectedUuid;

    ImmuRpc(String address, Channel channel, Duration timeout) {
        this.address = Objects.requireNonNull(address, "address");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
        Channel withSession = ClientInterceptors.intercept(channel, new SessionHeader());
        this.stub = ImmuServiceGrpc.newBlockingStub(withSession);
        this.async = ImmuServiceGrpc.newStub(withSession);
    }

    void sessionId(String id) {
        this.sessionId = id;
    }

    void expectServer(String uuid) {
        this.expectedUuid = uuid;
    }

    /** The server UUID this connection is pinned to, or null before the session is open. */
    String expectedServer() {
        return expectedUuid;
    }

    /**
     * Runs one unary call.
     *
     * @param op operation name, for messages
     * @return the result and the {@code immudb-uuid} the server sent with it (null if none)
     */
    <R> Result<R> callWithIdentity(String op, Function<ImmuServiceBlockingStub, R> fn) {
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        ImmuServiceBlockingStub s = stub
                .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
        R result;
        try {
            result = fn.apply(s);
        } catch (StatusRuntimeException e) {
            throw ImmuErrors.map(op, e);
        }
        Metadata h = headers.get();
        checkIdentity(h);
        return new Result<>(result, h == null ? null : h.get(SERVER_UUID));
    }

    /** Runs one unary call; see {@link #callWithIdentity}. */
    <R> R call(String op, Function<ImmuServiceBlockingStub, R> fn) {
        return callWithIdentity(op, fn).value();
    }

    /**
     * Runs one client-streaming call: sends {@code chunks}, half-closes, waits for the single reply.
     *
     * @param start opens the call on the async stub with the given reply observer
     */
    <R> R clientStreaming(String op, java.util.function.BiFunction<ImmuServiceStub, StreamObserver<R>,
            StreamObserver<Chunk>> start, List<Chunk> chunks) {
        AtomicReference<Metadata> headers = new AtomicReference<>();
        AtomicReference<Metadata> trailers = new AtomicReference<>();
        ImmuServiceStub s = async
                .withInterceptors(MetadataUtils.newCaptureMetadataInterceptor(headers, trailers))
                .withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS);
        CompletableFuture<R> reply = new CompletableFuture<>();
        StreamObserver<Chunk> requests = start.apply(s, new StreamObserver<>() {
            @Override
            public void onNext(R value) {
                reply.complete(value);
            }

            @Override
            public void onError(Throwable t) {
                reply.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
                reply.completeExceptionally(Status.INTERNAL.withDescription(op + ": no reply").asRuntimeException());
            }
        });
        chunks.forEach(requests::onNext);
        requests.onCompleted();
        R result;
        try {
            result = reply.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException sre) {
                throw ImmuErrors.map(op, sre);
            }
            throw new VeriClientException(op + ": " + e.getCause(), Status.Code.UNKNOWN, "", e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VeriClientException(op + ": interrupted", Status.Code.CANCELLED, "", e);
        }
        checkIdentity(headers.get());
        return result;
    }

    private void checkIdentity(Metadata h) {
        String uuid = h == null ? null : h.get(SERVER_UUID);
        String expected = expectedUuid;
        if (uuid != null && expected != null && !expected.equals(uuid)) {
            throw new ServerIdentityException(address, expected, uuid);
        }
    }

    /** A call's result and the server identity header that came with it. */
    record Result<R>(R value, String serverUuid) {}

    /** Adds {@code sessionid} to every call once a session is open. */
    private final class SessionHeader implements ClientInterceptor {
        @Override
        public <Q, S> ClientCall<Q, S> interceptCall(MethodDescriptor<Q, S> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<S> listener, Metadata headers) {
                    String id = sessionId;
                    if (id != null) {
                        headers.put(SESSION_ID, id);
                    }
                    super.start(listener, headers);
                }
            };
        }
    }
}
