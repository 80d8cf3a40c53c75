package io.veridb.server;

import io.veridb.protocol.immudb.ChangePermissionRequest;
import io.veridb.protocol.immudb.CreateDatabaseRequest;
import io.veridb.protocol.immudb.CreateUserRequest;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.PermissionAction;

/** Administrative requests tests repeat. */
public final class Admin {
    private Admin() {}

    public static void createUser(ImmuServiceBlockingStub admin, String user, String password, int permission,
            String db) {
        admin.createUser(CreateUserRequest.newBuilder()
                .setUser(Protos.bytes(user))
                .setPassword(Protos.bytes(password))
                .setPermission(permission)
                .setDatabase(db)
                .build());
    }

    public static void createDatabase(ImmuServiceBlockingStub admin, String db) {
        admin.createDatabaseV2(CreateDatabaseRequest.newBuilder().setName(db).build());
    }

    public static void grant(ImmuServiceBlockingStub admin, String user, String db, int permission) {
        admin.changePermission(ChangePermissionRequest.newBuilder()
                .setAction(PermissionAction.GRANT)
                .setUsername(user)
                .setDatabase(db)
                .setPermission(permission)
                .build());
    }
}
