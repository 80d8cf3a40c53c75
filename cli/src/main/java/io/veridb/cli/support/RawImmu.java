package io.veridb.cli.support;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.veridb.client.KeyNotFoundException;
import io.veridb.client.ServerIdentityException;
import io.veridb.client.TxNotFoundException;
import io.veridb.client.VeriClientException;
import io.veridb.protocol.immudb.Database;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.OpenSessionRequest;
import io.veridb.protocol.immudb.OpenSessionResponse;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A second, plain session on the client's channel for the few calls the SDK does not offer yet (transactions with
 * their values, database creation with settings). It proves nothing by itself: callers check what it returns.
 * Opened by {@link Connection#raw()}; not thread-safe.
 */
public final class RawImmu implements AutoCloseable {

    static final Metadata.Key<String> SESSION_ID = Metadata.Key.of("sessionid", Metadata.ASCII_STRING_MARSHALLER);
    private static final long TIMEOUT_SECONDS = 60;

    private final ImmuServiceBlockingStub stub;
    private volatile String sessionId;

    private RawImmu(Channel channel) {
        this.stub = ImmuServiceGrpc.newBlockingStub(ClientInterceptors.intercept(channel, new SessionHeader()));
    }

    /**
     * Opens a session as {@code user} on {@code database} and checks that the server is {@code expectedUuid}.
     *
     * @throws ServerIdentityException if another server answers
     */
    static RawImmu open(Channel channel, String address, String user, String password, String database,
            String expectedUuid) {
        RawImmu raw = new RawImmu(channel);
        OpenSessionResponse r = raw.call("OpenSession", s -> s.openSession(OpenSessionRequest.newBuilder()
                .setUsername(ByteString.copyFromUtf8(user))
                .setPassword(ByteString.copyFrom(password, StandardCharsets.UTF_8))
                .setDatabaseName(database)
                .build()));
        raw.sessionId = r.getSessionID();
        if (!expectedUuid.equals(r.getServerUUID())) {
            raw.close();
            throw new ServerIdentityException(address, expectedUuid, r.getServerUUID());
        }
        return raw;
    }

    /** Runs one unary call with the session header and a deadline; failures become SDK exceptions. */
    public <R> R call(String op, Function<ImmuServiceBlockingStub, R> fn) {
        try {
            return fn.apply(stub.withDeadlineAfter(TIMEOUT_SECONDS, TimeUnit.SECONDS));
        } catch (StatusRuntimeException e) {
            String d = e.getStatus().getDescription() == null ? "" : e.getStatus().getDescription();
            String msg = op + ": " + e.getStatus().getCode() + " " + d;
            if (d.contains("key not found")) {
                throw new KeyNotFoundException(msg, e.getStatus().getCode(), "", e);
            }
            if (d.contains("tx not found")) {
                throw new TxNotFoundException(msg, e.getStatus().getCode(), "", e);
            }
            throw new VeriClientException(msg, e.getStatus().getCode(), "", e);
        }
    }

    /** Switches this session to {@code database}. */
    public void useDatabase(String database) {
        call("UseDatabase", s -> s.useDatabase(Database.newBuilder().setDatabaseName(database).build()));
    }

    /** Closes the session; a failure to close is ignored (the server expires idle sessions). */
    @Override
    public void close() {
        if (sessionId == null) {
            return;
        }
        try {
            call("CloseSession", s -> s.closeSession(Empty.getDefaultInstance()));
        } catch (VeriClientException e) {
            // The session expires on the server anyway.
        } finally {
            sessionId = null;
        }
    }

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
