package io.veridb.cli.client;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.client.VeriClient;
import picocli.CommandLine.Command;

/**
 * Checks the credentials: opens a session, pins the server identity (first contact) and reports who is logged
 * in where. Every command opens its own session, so nothing else is kept; use the environment or the config
 * file to avoid typing the password.
 */
@Command(name = "login", mixinStandardHelpOptions = true,
        description = "Open a session to check the credentials and pin the server's identity.")
public final class LoginCommand extends ConnectedCommand {

    @Override
    protected int run(Connection c, Output out) {
        VeriClient client = c.client();
        out.record(Fields.of().put("user", c.settings().username()).put("address", client.address())
                .put("database", client.database()).put("server", client.serverUuid()).put("loggedIn", true));
        if ("immudb".equals(c.settings().username()) && "immudb".equals(c.settings().password().orElse(""))) {
            out.err().println("warning: user immudb has the default password; change it with "
                    + "'veridb admin user password immudb'");
            out.err().flush();
        }
        return ExitCodes.OK;
    }
}
