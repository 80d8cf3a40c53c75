package io.veridb.server.immu;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.veridb.protocol.immudb.ChangePasswordRequest;
import io.veridb.protocol.immudb.ChangePermissionRequest;
import io.veridb.protocol.immudb.CreateUserRequest;
import io.veridb.protocol.immudb.PermissionAction;
import io.veridb.protocol.immudb.SetActiveUserRequest;
import io.veridb.protocol.immudb.UserList;
import io.veridb.server.auth.AuthException;
import io.veridb.server.auth.AuthException.Reason;
import io.veridb.server.auth.Caller;
import io.veridb.server.auth.Permission;
import io.veridb.server.auth.User;
import io.veridb.server.db.DatabaseNames;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** User management: CreateUser, ListUsers, ChangePassword, ChangePermission, SetActiveUser. */
final class UserRpcs {
    private final ImmuContext ctx;

    UserRpcs(ImmuContext ctx) {
        this.ctx = ctx;
    }

    Empty createUser(CreateUserRequest r) {
        requireWritable();
        ctx.userAdmin().create(actor(), r.getUser().toString(StandardCharsets.UTF_8), r.getPassword().toByteArray(),
                r.getPermission(), DatabaseNames.normalize(r.getDatabase()));
        return Empty.getDefaultInstance();
    }

    UserList listUsers() {
        requireAuth();
        Caller caller = CallerContext.current();
        UserList.Builder out = UserList.newBuilder();
        for (User u : ctx.userAdmin().list(caller.user(), caller.database())) {
            out.addUsers(toProto(u));
        }
        return out.build();
    }

    Empty changePassword(ChangePasswordRequest r) {
        requireWritable();
        ctx.userAdmin().changePassword(actor(), r.getUser().toString(StandardCharsets.UTF_8),
                r.getOldPassword().toByteArray(), r.getNewPassword().toByteArray());
        return Empty.getDefaultInstance();
    }

    Empty changePermission(ChangePermissionRequest r) {
        requireWritable();
        if (r.getActionValue() != PermissionAction.GRANT_VALUE && r.getActionValue() != PermissionAction.REVOKE_VALUE) {
            throw new AuthException(Reason.INVALID_ARGUMENT, "action not recognized");
        }
        ctx.userAdmin().changePermission(actor(), r.getAction() == PermissionAction.GRANT, r.getUsername(),
                DatabaseNames.normalize(r.getDatabase()), r.getPermission());
        return Empty.getDefaultInstance();
    }

    Empty setActiveUser(SetActiveUserRequest r) {
        requireWritable();
        ctx.userAdmin().setActive(actor(), r.getUsername(), r.getActive());
        return Empty.getDefaultInstance();
    }

    /** The immudb {@code User} message; the sysadmin shows permission 255 on "*" as immudb stores it. */
    static io.veridb.protocol.immudb.User toProto(User u) {
        io.veridb.protocol.immudb.User.Builder b = io.veridb.protocol.immudb.User.newBuilder()
                .setUser(ByteString.copyFromUtf8(u.name()))
                .setCreatedby(u.createdBy())
                .setCreatedat(GoTime.format(u.createdAt()))
                .setActive(u.active());
        if (u.sysadmin()) {
            b.addPermissions(permission("*", Permission.SYSADMIN));
        }
        for (Map.Entry<String, Integer> p : u.permissions().entrySet()) {
            b.addPermissions(permission(p.getKey(), p.getValue()));
        }
        return b.build();
    }

    private static io.veridb.protocol.immudb.Permission permission(String db, int value) {
        return io.veridb.protocol.immudb.Permission.newBuilder().setDatabase(db).setPermission(value).build();
    }

    private User actor() {
        return CallerContext.current().user();
    }

    private void requireAuth() {
        if (!ctx.authEnabled()) {
            throw new AuthException(Reason.AUTH_REQUIRED);
        }
    }

    private void requireWritable() {
        if (ctx.maintenance()) {
            throw new AuthException(Reason.MAINTENANCE);
        }
        requireAuth();
    }
}
