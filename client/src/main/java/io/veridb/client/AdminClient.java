package io.veridb.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.veridb.protocol.immudb.ChangePasswordRequest;
import io.veridb.protocol.immudb.ChangePermissionRequest;
import io.veridb.protocol.immudb.CreateDatabaseRequest;
import io.veridb.protocol.immudb.CreateUserRequest;
import io.veridb.protocol.immudb.DatabaseListRequestV2;
import io.veridb.protocol.immudb.DeleteDatabaseRequest;
import io.veridb.protocol.immudb.LoadDatabaseRequest;
import io.veridb.protocol.immudb.PermissionAction;
import io.veridb.protocol.immudb.SetActiveUserRequest;
import io.veridb.protocol.immudb.UnloadDatabaseRequest;
import io.veridb.protocol.immudb.User;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Database and user administration over the client's session ({@link VeriClient#admin()}). Most calls need the
 * sysadmin or the database's admin permission; the server answers others with "permission denied".
 * Thread-safe.
 */
public final class AdminClient {

    private final ImmuRpc rpc;

    AdminClient(ImmuRpc rpc) {
        this.rpc = rpc;
    }

    /**
     * Creates a database with default settings ({@code CreateDatabaseV2}).
     *
     * @param ifNotExists succeed if it already exists
     * @return true if the database already existed
     */
    public boolean createDatabase(String name, boolean ifNotExists) {
        Objects.requireNonNull(name, "name");
        return rpc.call("CreateDatabaseV2", s -> s.createDatabaseV2(CreateDatabaseRequest.newBuilder()
                .setName(name).setIfNotExists(ifNotExists).build())).getAlreadyExisted();
    }

    /** Every database the user may see ({@code DatabaseListV2}). */
    public List<DatabaseInfo> listDatabases() {
        List<DatabaseInfo> out = new ArrayList<>();
        for (io.veridb.protocol.immudb.DatabaseInfo d : rpc.call("DatabaseListV2",
                s -> s.databaseListV2(DatabaseListRequestV2.getDefaultInstance())).getDatabasesList()) {
            out.add(new DatabaseInfo(d.getName(), d.getLoaded(), d.getDiskSize(), d.getNumTransactions(),
                    d.getCreatedAt(), d.getCreatedBy()));
        }
        return out;
    }

    /** Opens a database. */
    public void loadDatabase(String name) {
        rpc.call("LoadDatabase", s -> s.loadDatabase(LoadDatabaseRequest.newBuilder().setDatabase(name).build()));
    }

    /** Closes a database (it stays on disk). */
    public void unloadDatabase(String name) {
        rpc.call("UnloadDatabase",
                s -> s.unloadDatabase(UnloadDatabaseRequest.newBuilder().setDatabase(name).build()));
    }

    /** Deletes an unloaded database. */
    public void deleteDatabase(String name) {
        rpc.call("DeleteDatabase",
                s -> s.deleteDatabase(DeleteDatabaseRequest.newBuilder().setDatabase(name).build()));
    }

    /** Creates a user with {@code permission} (READ, READ_WRITE or ADMIN) on {@code database}. */
    public void createUser(String user, String password, Permission permission, String database) {
        rpc.call("CreateUser", s -> s.createUser(CreateUserRequest.newBuilder()
                .setUser(ByteString.copyFromUtf8(user))
                .setPassword(ByteString.copyFrom(password, StandardCharsets.UTF_8))
                .setPermission(permission.code())
                .setDatabase(database)
                .build()));
    }

    /** The users the caller may see. */
    public List<UserInfo> listUsers() {
        List<UserInfo> out = new ArrayList<>();
        for (User u : rpc.call("ListUsers", s -> s.listUsers(Empty.getDefaultInstance())).getUsersList()) {
            Map<String, Permission> perms = new LinkedHashMap<>();
            for (io.veridb.protocol.immudb.Permission p : u.getPermissionsList()) {
                perms.put(p.getDatabase(), Permission.of(p.getPermission()));
            }
            out.add(new UserInfo(u.getUser().toStringUtf8(), perms, u.getCreatedby(), u.getCreatedat(),
                    u.getActive()));
        }
        return out;
    }

    /** Changes a password; the old one is checked for the caller's own account. */
    public void changePassword(String user, String oldPassword, String newPassword) {
        rpc.call("ChangePassword", s -> s.changePassword(ChangePasswordRequest.newBuilder()
                .setUser(ByteString.copyFromUtf8(user))
                .setOldPassword(ByteString.copyFrom(oldPassword, StandardCharsets.UTF_8))
                .setNewPassword(ByteString.copyFrom(newPassword, StandardCharsets.UTF_8))
                .build()));
    }

    /** Grants {@code permission} on {@code database} to {@code user}, replacing any previous grant there. */
    public void grant(String user, String database, Permission permission) {
        changePermission(PermissionAction.GRANT, user, database, permission);
    }

    /** Revokes {@code user}'s permission on {@code database}. */
    public void revoke(String user, String database, Permission permission) {
        changePermission(PermissionAction.REVOKE, user, database, permission);
    }

    /** Activates or deactivates a user. */
    public void setActiveUser(String user, boolean active) {
        rpc.call("SetActiveUser", s -> s.setActiveUser(SetActiveUserRequest.newBuilder()
                .setUsername(user).setActive(active).build()));
    }

    private void changePermission(PermissionAction action, String user, String database, Permission permission) {
        rpc.call("ChangePermission", s -> s.changePermission(ChangePermissionRequest.newBuilder()
                .setAction(action).setUsername(user).setDatabase(database).setPermission(permission.code())
                .build()));
    }
}
