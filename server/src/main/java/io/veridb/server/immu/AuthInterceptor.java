package io.veridb.server.immu;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Grpc;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.veridb.server.auth.AuthException;
import io.veridb.server.auth.AuthException.Reason;
import io.veridb.server.auth.Authenticator;
import io.veridb.server.auth.Caller;
import io.veridb.server.auth.Permission;
import io.veridb.server.db.DatabaseNames;
import java.net.InetSocketAddress;
import java.net.SocketAddress;

/**
 * Authenticates every ImmuService call before its handler runs: resolves {@code sessionid} / {@code authorization}
 * to a {@link Caller}, applies {@link RpcPolicy} (per-RPC permission, systemdb protection, maintenance mode) and
 * puts the caller into the gRPC {@link Context}. A refused call is closed with {@link ErrorMapper}'s status.
 */
final class AuthInterceptor implements ServerInterceptor {
    static final Metadata.Key<String> SESSION_ID = Metadata.Key.of("sessionid", Metadata.ASCII_STRING_MARSHALLER);
    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final Authenticator authenticator;
    private final boolean maintenance;
    private final boolean remoteWithoutAuth;

    AuthInterceptor(Authenticator authenticator, boolean maintenance, boolean devmode) {
        this.authenticator = authenticator;
        this.maintenance = maintenance;
        this.remoteWithoutAuth = devmode;
    }

    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        MethodDescriptor<Q, R> method = call.getMethodDescriptor();
        String name = method.getBareMethodName();
        Access access = RpcPolicy.access(name);
        if (access == Access.OPEN) {
            return next.startCall(call, headers);
        }
        try {
            Caller caller = authorize(name, access, headers, call.getAttributes().get(Grpc.TRANSPORT_ATTR_REMOTE_ADDR));
            return Contexts.interceptCall(Context.current().withValue(CallerContext.CALLER, caller), call, headers,
                    next);
        } catch (RuntimeException e) {
            boolean streaming = !method.getType().clientSendsOneMessage() || !method.getType().serverSendsOneMessage();
            call.close(ErrorMapper.toStatus(e, streaming), new Metadata());
            return new ServerCall.Listener<>() {};
        }
    }

    private Caller authorize(String method, Access access, Metadata headers, SocketAddress remote) {
        String sessionId = headers.get(SESSION_ID);
        if (access == Access.SESSION && (sessionId == null || sessionId.isEmpty())) {
            throw new AuthException(Reason.NO_SESSION_ID);
        }
        if (!authenticator.authEnabled() && !remoteWithoutAuth && !isLoopback(remote)) {
            throw new AuthException(Reason.REMOTE_WITHOUT_AUTH);
        }
        Caller caller = authenticator.resolve(sessionId, headers.get(AUTHORIZATION));
        if (RpcPolicy.isDataAccess(access)) {
            checkDataAccess(method, access, caller);
        }
        return caller;
    }

    private void checkDataAccess(String method, Access access, Caller caller) {
        if (maintenance && !RpcPolicy.allowedInMaintenance(method)) {
            throw new AuthException(Reason.MAINTENANCE);
        }
        if (caller.database() == null) {
            throw new AuthException(Reason.NO_DATABASE_SELECTED);
        }
        if (DatabaseNames.SYSTEM_DB.equals(caller.database())) {
            throw new AuthException(Reason.PERMISSION_DENIED);
        }
        int p = caller.permission();
        boolean allowed;
        switch (access) {
            case READ:
                allowed = p == Permission.READ || p == Permission.READ_WRITE || p >= Permission.ADMIN;
                break;
            case WRITE:
                allowed = p == Permission.READ_WRITE || p >= Permission.ADMIN;
                break;
            default:
                allowed = p >= Permission.ADMIN;
                break;
        }
        if (!allowed) {
            throw new AuthException(Reason.PERMISSION_DENIED);
        }
    }

    private static boolean isLoopback(SocketAddress remote) {
        if (remote instanceof InetSocketAddress inet) {
            return inet.getAddress() != null && inet.getAddress().isLoopbackAddress();
        }
        return true;
    }
}
