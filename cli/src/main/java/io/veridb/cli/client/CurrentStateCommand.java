package io.veridb.cli.client;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.client.DatabaseState;
import io.veridb.client.VeriClient;
import picocli.CommandLine.Command;

/**
 * The server's current state of the database (signature checked with {@code --server-key}) next to the state this
 * client trusts (on first contact the current state becomes the trusted one). {@code verify-tx} on the
 * server's txId proves that the current state extends the trusted one.
 */
@Command(name = "current-state", aliases = "current", mixinStandardHelpOptions = true,
        description = "Show the server's current state and the locally trusted state.")
public final class CurrentStateCommand extends ConnectedCommand {

    @Override
    protected int run(Connection c, Output out) {
        VeriClient client = c.client();
        DatabaseState server = client.currentState();
        DatabaseState trusted = client.trustedState();
        out.record(Fields.of().put("server", client.serverUuid())
                .put("current", Render.state(server).put("signatureChecked", c.settings().serverKey() != null))
                .put("trusted", Render.state(trusted)));
        return ExitCodes.OK;
    }
}
