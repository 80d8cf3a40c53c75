package io.veridb.cli.admin;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.cli.support.PasswordPolicy;
import io.veridb.cli.support.Passwords;
import io.veridb.client.Permission;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Creates a user with one permission on one database. */
@Command(name = "create", mixinStandardHelpOptions = true,
        description = "Create user NAME with PERMISSION (read, readwrite, admin) on DATABASE.")
public final class UserCreateCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "NAME")
    String name;

    @Parameters(index = "1", paramLabel = "PERMISSION", converter = PermissionConverter.class)
    Permission permission;

    @Parameters(index = "2", paramLabel = "DATABASE", arity = "0..1",
            description = "Database of the permission (default: the session's database).")
    String database;

    @Option(names = "--user-password", paramLabel = "PASSWORD",
            description = "The new user's password (prompted twice on a terminal when absent).")
    String userPassword;

    @Option(names = "--weak-password", description = "Skip the password rule (8-32 chars, upper case, digit, symbol).")
    boolean weak;

    @Override
    protected int run(Connection c, Output out) {
        String pw = Passwords.newOrPrompt(Optional.ofNullable(userPassword), name, "give --user-password");
        if (!weak) {
            PasswordPolicy.check(pw);
        }
        String db = database != null ? database : c.client().database();
        c.client().admin().createUser(name, pw, permission, db);
        out.record(Fields.of().put("user", name).put("permission", PermissionConverter.name(permission))
                .put("database", db).put("created", true));
        return ExitCodes.OK;
    }
}
