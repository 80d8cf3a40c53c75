package io.veridb.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.veridb.protocol.immudb.ChangePasswordRequest;
import io.veridb.protocol.immudb.ChangePermissionRequest;
import io.veridb.protocol.immudb.CreateDatabaseRequest;
import io.veridb.protocol.immudb.CreateDatabaseResponse;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.protocol.immudb.CreateUserRequest;
import io.veridb.protocol.immudb.DatabaseListRequestV2;
import io.veridb.protocol.immudb.DeleteDatabaseRequest;
import io.veridb.protocol.immudb.LoadDatabaseRequest;
import io.veridb.protocol.immudb.NullableUint32;
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
import java.util.OptionalInt;

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

    /**
     * Creates a database with {@code settings} ({@code CreateDatabaseV2}); settings left empty take the server
     * defaults.
     *
     * @return the stored name, whether it already existed, and the settings the server reports
     */
    public CreatedDatabase createDatabase(String name, DatabaseSettings settings) {
        Objects.requireNonNull(name, "name");
        CreateDatabaseRequest request = CreateDatabaseRequest.newBuilder().setName(name)
                .setSettings(nullableSettings(settings)).setIfNotExists(settings.ifNotExists()).build();
        CreateDatabaseResponse r = rpc.call("CreateDatabaseV2", s -> s.createDatabaseV2(request));
        DatabaseNullableSettings got = r.getSettings();
        DatabaseSettings reported;
        try {
            reported = new DatabaseSettings(u32(got.hasWriteTxHeaderVersion(), got.getWriteTxHeaderVersion()),
                    u32(got.hasMaxKeyLen(), got.getMaxKeyLen()), u32(got.hasMaxValueLen(), got.getMaxValueLen()),
                    u32(got.hasMaxTxEntries(), got.getMaxTxEntries()), settings.ifNotExists());
        } catch (IllegalArgumentException e) {
            throw new VerificationException("CreateDatabaseV2: reported settings of " + r.getName()
                    + " are well formed", "valid settings", e.getMessage());
        }
        return new CreatedDatabase(r.getName(), r.getAlreadyExisted(), reported);
    }

    private static DatabaseNullableSettings nullableSettings(DatabaseSettings settings) {
        DatabaseNullableSettings.Builder b = DatabaseNullableSettings.newBuilder();
        settings.headerVersion().ifPresent(v -> b.setWriteTxHeaderVersion(u32(v)));
        settings.maxKeyLen().ifPresent(v -> b.setMaxKeyLen(u32(v)));
        settings.maxValueLen().ifPresent(v -> b.setMaxValueLen(u32(v)));
        settings.maxTxEntries().ifPresent(v -> b.setMaxTxEntries(u32(v)));
        return b.build();
    }

    private static NullableUint32 u32(int v) {
        return NullableUint32.newBuilder().setValue(v).build();
    }

    private static OptionalInt u32(boolean present, NullableUint32 v) {
        return present ? OptionalInt.of(v.getValue()) : OptionalInt.empty();
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
