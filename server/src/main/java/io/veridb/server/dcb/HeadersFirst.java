package io.veridb.server.dcb;

import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;

/**
 * Sends the response headers as soon as a call starts. grpc-java sends them with the first message, but UmaDB's
 * clients (tonic) wait for the headers before {@code subscribe()} returns, so a subscription with nothing to catch
 * up on would block the client until the next append. Later {@code sendHeaders} calls are dropped.
 */
final class HeadersFirst {
    private HeadersFirst() {}

    static <Q, R> ServerCallHandler<Q, R> wrap(ServerCallHandler<Q, R> handler) {
        return (call, headers) -> {
            ServerCall<Q, R> once = new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                private boolean sent;

                @Override
                public void sendHeaders(Metadata responseHeaders) {
                    if (!sent) {
                        sent = true;
                        super.sendHeaders(responseHeaders);
                    }
                }
            };
            once.sendHeaders(new Metadata());
            return handler.startCall(once, headers);
        };
    }
}
