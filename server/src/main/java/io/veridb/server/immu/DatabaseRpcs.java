package io.veridb.server.immu;

import com.google.protobuf.Empty;
import io.veridb.protocol.immudb.CreateDatabaseRequest;
import io.veridb.protocol.immudb.CreateDatabaseResponse;
import io.veridb.protocol.immudb.DatabaseInfo;
import io.veridb.protocol.immudb.DatabaseListResponse;
import io.veridb.protocol.immudb.DatabaseListResponseV2;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.protocol.immudb.DatabaseSettings;
import io.veridb.protocol.immudb.DatabaseSettingsResponse;
import io.veridb.protocol.immudb.DeleteDatabaseRequest;
import io.veridb.protocol.immudb.DeleteDatabaseResponse;
import io.veridb.protocol.immudb.LoadDatabaseRequest;
import io.veridb.protocol.immudb.LoadDatabaseResponse;
import io.veridb.protocol.immudb.NullableBool;
import io.veridb.protocol.immudb.NullableUint32;
import io.veridb.protocol.immudb.UnloadDatabaseRequest;
import io.veridb.protocol.immudb.UnloadDatabaseResponse;
import io.veridb.protocol.immudb.UpdateDatabaseRequest;
import io.veridb.protocol.immudb.UpdateDatabaseResponse;
import io.veridb.server.auth.AuthException;
import io.veridb.server.auth.AuthException.Reason;
import io.veridb.server.auth.Caller;
import io.veridb.server.auth.Permission;
import io.veridb.server.db.DatabaseException;
import io.veridb.server.db.DatabaseManager;
import io.veridb.server.db.DatabaseNames;
import java.io.IOException;

/** Database management: create, load, unload, delete, list, settings. */
final class DatabaseRpcs {
    private final ImmuContext ctx;

    DatabaseRpcs(ImmuContext ctx) {
        this.ctx = ctx;
    }

    CreateDatabaseResponse createDatabaseV2(CreateDatabaseRequest r) throws IOException {
        requireWritable();
        Caller caller = CallerContext.current();
        if (!caller.user().sysadmin()) {
            throw new DatabaseException(DatabaseException.Reason.NOT_SYSADMIN);
        }
        String name = DatabaseNames.normalize(r.getName());
        if (DatabaseNames.isReserved(name)) {
            throw new DatabaseException(DatabaseException.Reason.RESERVED);
        }
        DatabaseNames.check(name);
        DatabaseManager.Created created = ctx.databases().create(name, r.getSettings(), r.getIfNotExists(),
                caller.user().name());
        return CreateDatabaseResponse.newBuilder()
                .setName(created.name())
                .setSettings(created.settings())
                .setAlreadyExisted(created.alreadyExisted())
                .build();
    }

    Empty createDatabase(io.veridb.protocol.immudb.Database r) throws IOException {
        createDatabaseV2(CreateDatabaseRequest.newBuilder().setName(r.getDatabaseName()).build());
        return Empty.getDefaultInstance();
    }

    Empty createDatabaseWith(DatabaseSettings r) throws IOException {
        createDatabaseV2(CreateDatabaseRequest.newBuilder()
                .setName(r.getDatabaseName())
                .setSettings(fromLegacy(r))
                .build());
        return Empty.getDefaultInstance();
    }

    LoadDatabaseResponse loadDatabase(LoadDatabaseRequest r) throws IOException {
        String name = requireAdminOf(r.getDatabase());
        ctx.databases().load(name);
        return LoadDatabaseResponse.newBuilder().setDatabase(name).build();
    }

    UnloadDatabaseResponse unloadDatabase(UnloadDatabaseRequest r) throws IOException {
        String name = requireAdminOf(r.getDatabase());
        ctx.databases().unload(name);
        return UnloadDatabaseResponse.newBuilder().setDatabase(name).build();
    }

    DeleteDatabaseResponse deleteDatabase(DeleteDatabaseRequest r) throws IOException {
        String name = requireAdminOf(r.getDatabase());
        ctx.databases().delete(name);
        return DeleteDatabaseResponse.newBuilder().setDatabase(name).build();
    }

    DatabaseListResponse databaseList() {
        DatabaseListResponse.Builder out = DatabaseListResponse.newBuilder();
        for (DatabaseInfo info : databaseListV2().getDatabasesList()) {
            out.addDatabases(io.veridb.protocol.immudb.Database.newBuilder().setDatabaseName(info.getName()));
        }
        return out.build();
    }

    /** The sysadmin sees every database; others see those they hold a permission on. */
    DatabaseListResponseV2 databaseListV2() {
        requireAuth();
        Caller caller = CallerContext.current();
        DatabaseListResponseV2.Builder out = DatabaseListResponseV2.newBuilder();
        for (DatabaseManager.Listed listed : ctx.databases().list()) {
            String name = listed.info().getName();
            if (!caller.user().sysadmin() && caller.user().permissionOn(name) == Permission.NONE) {
                continue;
            }
            DatabaseInfo.Builder info = listed.info().toBuilder()
                    .setLoaded(listed.loaded())
                    .setDiskSize(ctx.databases().diskSize(name));
            if (listed.loaded()) {
                info.setNumTransactions(listed.database().ledger().lastTxId());
            }
            out.addDatabases(info);
        }
        return out.build();
    }

    UpdateDatabaseResponse updateDatabaseV2(UpdateDatabaseRequest r) {
        requireWritable();
        if (!CallerContext.current().user().sysadmin()) {
            throw new DatabaseException(DatabaseException.Reason.NOT_SYSADMIN);
        }
        String name = DatabaseNames.normalize(r.getDatabase());
        if (DatabaseNames.SYSTEM_DB.equals(name)) {
            throw new DatabaseException(DatabaseException.Reason.RESERVED);
        }
        DatabaseNullableSettings merged = ctx.databases().update(name, r.getSettings());
        return UpdateDatabaseResponse.newBuilder().setDatabase(name).setSettings(merged).build();
    }

    Empty updateDatabase(DatabaseSettings r) {
        updateDatabaseV2(UpdateDatabaseRequest.newBuilder()
                .setDatabase(r.getDatabaseName())
                .setSettings(fromLegacy(r).toBuilder().clearFileSize().clearMaxKeyLen().clearMaxValueLen()
                        .clearMaxTxEntries())
                .build());
        return Empty.getDefaultInstance();
    }

    DatabaseSettingsResponse getDatabaseSettingsV2() {
        String name = CallerContext.current().database();
        return DatabaseSettingsResponse.newBuilder()
                .setDatabase(name)
                .setSettings(ctx.databases().info(name).getSettings())
                .build();
    }

    DatabaseSettings getDatabaseSettings() {
        DatabaseSettingsResponse s = getDatabaseSettingsV2();
        DatabaseNullableSettings n = s.getSettings();
        return DatabaseSettings.newBuilder()
                .setDatabaseName(s.getDatabase())
                .setFileSize(n.getFileSize().getValue())
                .setMaxKeyLen(n.getMaxKeyLen().getValue())
                .setMaxValueLen(n.getMaxValueLen().getValue())
                .setMaxTxEntries(n.getMaxTxEntries().getValue())
                .setExcludeCommitTime(n.getExcludeCommitTime().getValue())
                .build();
    }

    /** The legacy settings message as nullable settings (zero fields count as unset). */
    private static DatabaseNullableSettings fromLegacy(DatabaseSettings r) {
        DatabaseNullableSettings.Builder b = DatabaseNullableSettings.newBuilder();
        if (r.getFileSize() != 0) {
            b.setFileSize(NullableUint32.newBuilder().setValue(r.getFileSize()));
        }
        if (r.getMaxKeyLen() != 0) {
            b.setMaxKeyLen(NullableUint32.newBuilder().setValue(r.getMaxKeyLen()));
        }
        if (r.getMaxValueLen() != 0) {
            b.setMaxValueLen(NullableUint32.newBuilder().setValue(r.getMaxValueLen()));
        }
        if (r.getMaxTxEntries() != 0) {
            b.setMaxTxEntries(NullableUint32.newBuilder().setValue(r.getMaxTxEntries()));
        }
        if (r.getExcludeCommitTime()) {
            b.setExcludeCommitTime(NullableBool.newBuilder().setValue(true));
        }
        return b.build();
    }

    /** Load/Unload/Delete: not the reserved databases; sysadmin or admin (254) of that database. */
    private String requireAdminOf(String database) {
        String name = DatabaseNames.normalize(database);
        if (DatabaseNames.isReserved(name)) {
            throw new DatabaseException(DatabaseException.Reason.RESERVED);
        }
        requireAuth();
        Caller caller = CallerContext.current();
        if (!caller.user().sysadmin() && caller.user().permissionOn(name) != Permission.ADMIN) {
            throw new DatabaseException(DatabaseException.Reason.NOT_ADMIN,
                    "the database '" + name + "' does not exist or you do not have admin permission on this database");
        }
        return name;
    }

    private void requireAuth() {
        if (!ctx.authEnabled()) {
            throw new AuthException(Reason.AUTH_MUST_BE_ON);
        }
    }

    private void requireWritable() {
        if (ctx.maintenance()) {
            throw new AuthException(Reason.MAINTENANCE);
        }
        requireAuth();
    }
}
