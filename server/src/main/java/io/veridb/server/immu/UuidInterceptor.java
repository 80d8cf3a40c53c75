package io.veridb.server.immu;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;

/**
 * Sends the server identity as the {@code immudb-uuid} response header on every call (and in the trailers of
 * calls that fail before sending headers), as immudb does; the Go SDK and immudb-node key their state by it.
 */
public final class UuidInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> UUID = Metadata.Key.of("immudb-uuid", Metadata.ASCII_STRING_MARSHALLER);

    private final String uuid;

    public UuidInterceptor(String uuid) {
        this.uuid = uuid;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
            private boolean headersSent;

            @Override
            public void sendHeaders(Metadata responseHeaders) {
                responseHeaders.put(UUID, uuid);
                headersSent = true;
                super.sendHeaders(responseHeaders);
            }

            @Override
            public void close(Status status, Metadata trailers) {
                if (!headersSent) {
                    trailers.put(UUID, uuid);
                }
                super.close(status, trailers);
            }
        }, headers);
    }
}
