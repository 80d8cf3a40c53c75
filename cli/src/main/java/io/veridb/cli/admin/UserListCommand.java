package io.veridb.cli.admin;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.client.UserInfo;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;

/** Lists the users the caller may see, with their permissions. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List users and their permissions.")
public final class UserListCommand extends ConnectedCommand {

    @Override
    protected int run(Connection c, Output out) {
        List<Fields> users = c.client().admin().listUsers().stream().map(UserListCommand::user).toList();
        out.list("users", users, "no users");
        return ExitCodes.OK;
    }

    private static Fields user(UserInfo u) {
        String perms = u.permissions().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                .map(e -> e.getKey() + ":" + PermissionConverter.name(e.getValue()))
                .collect(Collectors.joining(", "));
        return Fields.of().put("user", u.name()).put("active", u.active()).put("permissions", perms)
                .put("createdBy", u.createdBy()).put("createdAt", u.createdAt());
    }
}
