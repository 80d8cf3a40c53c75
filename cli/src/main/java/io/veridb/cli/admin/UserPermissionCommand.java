package io.veridb.cli.admin;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.client.Permission;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Grants or revokes a permission on a database. */
@Command(name = "permission", mixinStandardHelpOptions = true,
        description = "Grant or revoke PERMISSION (read, readwrite, admin) on DATABASE for user NAME.")
public final class UserPermissionCommand extends ConnectedCommand {

    /** What to do with the permission. */
    enum Action { grant, revoke }

    @Parameters(index = "0", paramLabel = "grant|revoke")
    Action action;

    @Parameters(index = "1", paramLabel = "NAME")
    String name;

    @Parameters(index = "2", paramLabel = "PERMISSION", converter = PermissionConverter.class)
    Permission permission;

    @Parameters(index = "3", paramLabel = "DATABASE")
    String database;

    @Override
    protected int run(Connection c, Output out) {
        if (action == Action.grant) {
            c.client().admin().grant(name, database, permission);
        } else {
            c.client().admin().revoke(name, database, permission);
        }
        out.record(Fields.of().put("user", name).put("action", action.name())
                .put("permission", PermissionConverter.name(permission)).put("database", database));
        return ExitCodes.OK;
    }
}
