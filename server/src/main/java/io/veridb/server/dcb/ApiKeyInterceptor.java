package io.veridb.server.dcb;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusRuntimeException;
import io.veridb.events.DcbException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * Requires {@code authorization: Bearer <key>} (exact, case-sensitive value) on every call of the services it
 * wraps; otherwise closes the call UNAUTHENTICATED with an AUTHENTICATION ErrorResponse, as UmaDB does.
 */
final class ApiKeyInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    private final byte[] expected;

    ApiKeyInterceptor(String apiKey) {
        this.expected = ("Bearer " + apiKey).getBytes(StandardCharsets.UTF_8);
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(ServerCall<Q, R> call, Metadata headers,
            ServerCallHandler<Q, R> next) {
        String presented = headers.get(AUTHORIZATION);
        if (presented != null
                && MessageDigest.isEqual(expected, presented.getBytes(StandardCharsets.UTF_8))) {
            return next.startCall(call, headers);
        }
        StatusRuntimeException denied =
                DcbStatus.of(DcbException.authentication("missing or invalid API key"));
        call.close(denied.getStatus(), denied.getTrailers());
        return new ServerCall.Listener<>() {};
    }
}
