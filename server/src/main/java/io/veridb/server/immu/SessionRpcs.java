package io.veridb.server.immu;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.veridb.protocol.immudb.LoginRequest;
import io.veridb.protocol.immudb.LoginResponse;
import io.veridb.protocol.immudb.OpenSessionRequest;
import io.veridb.protocol.immudb.OpenSessionResponse;
import io.veridb.protocol.immudb.UseDatabaseReply;
import io.veridb.server.auth.AuthException;
import io.veridb.server.auth.AuthException.Reason;
import io.veridb.server.auth.Caller;
import io.veridb.server.auth.Permission;
import io.veridb.server.auth.Session;
import io.veridb.server.auth.User;
import io.veridb.server.auth.Users;
import io.veridb.server.db.DatabaseException;
import io.veridb.server.db.DatabaseNames;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Sessions (OpenSession, KeepAlive, CloseSession) and tokens (Login, Logout, UseDatabase). */
final class SessionRpcs {
    private final ImmuContext ctx;

    SessionRpcs(ImmuContext ctx) {
        this.ctx = ctx;
    }

    OpenSessionResponse openSession(OpenSessionRequest r) {
        requireAuthEnabled();
        User user = ctx.users().authenticate(r.getUsername().toByteArray(), r.getPassword().toByteArray());
        String db = DatabaseNames.normalize(r.getDatabaseName());
        if (!ctx.databases().exists(db)) {
            throw new DatabaseException(DatabaseException.Reason.NOT_EXISTS);
        }
        requireAccess(user, db);
        Session session = ctx.sessions().open(user.name(), db);
        return OpenSessionResponse.newBuilder().setSessionID(session.id()).setServerUUID(ctx.uuid()).build();
    }

    Empty keepAlive() {
        // The interceptor has already looked the session up, which marks it active.
        return Empty.getDefaultInstance();
    }

    Empty closeSession() {
        ctx.sessions().close(CallerContext.current().sessionId());
        return Empty.getDefaultInstance();
    }

    LoginResponse login(LoginRequest r) {
        requireAuthEnabled();
        byte[] password = r.getPassword().toByteArray();
        User user = ctx.users().authenticate(r.getUser().toByteArray(), password);
        // A Login token selects defaultdb when the user may use it (immudb's single-database mode); otherwise the
        // client must call UseDatabase first.
        String db = user.sysadmin() || Permission.grantsAccess(user.permissionOn(DatabaseNames.DEFAULT_DB))
                ? DatabaseNames.DEFAULT_DB
                : null;
        LoginResponse.Builder out = LoginResponse.newBuilder().setToken(ctx.tokens().issue(user.name(), db));
        if (user.sysadmin() && Arrays.equals(password, User.DEFAULT_ADMIN_PASSWORD.getBytes(StandardCharsets.UTF_8))) {
            out.setWarning(ByteString.copyFromUtf8(Users.DEFAULT_PASSWORD_WARNING));
        }
        return out.build();
    }

    Empty logout() {
        requireAuthEnabled();
        Caller caller = CallerContext.current();
        if (caller.token() != null) {
            ctx.tokens().revoke(caller.token());
        }
        return Empty.getDefaultInstance();
    }

    UseDatabaseReply useDatabase(io.veridb.protocol.immudb.Database r) {
        Caller caller = CallerContext.current();
        String db = DatabaseNames.normalize(r.getDatabaseName());
        if (!ctx.databases().exists(db)) {
            throw new DatabaseException(DatabaseException.Reason.USE_NOT_EXISTS, "'" + db + "' does not exist");
        }
        if (!ctx.databases().isLoaded(db)) {
            throw new DatabaseException(DatabaseException.Reason.NOT_LOADED);
        }
        requireAccess(caller.user(), db);
        String token = ctx.tokens().issue(caller.user().name(), db);
        if (caller.sessionId() != null) {
            ctx.sessions().useDatabase(caller.sessionId(), db);
        }
        return UseDatabaseReply.newBuilder().setToken(token).build();
    }

    private void requireAuthEnabled() {
        if (!ctx.authEnabled()) {
            throw new AuthException(Reason.AUTH_DISABLED);
        }
    }

    private static void requireAccess(User user, String db) {
        if (!user.sysadmin() && !Permission.grantsAccess(user.permissionOn(db))) {
            throw new AuthException(Reason.DATABASE_ACCESS_DENIED);
        }
    }
}
