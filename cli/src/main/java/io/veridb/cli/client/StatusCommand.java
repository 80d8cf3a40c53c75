package io.veridb.cli.client;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.client.HealthStatus;
import io.veridb.client.ServerInfo;
import io.veridb.client.VeriClient;
import picocli.CommandLine.Command;

/** Health and server information; exits 1 when the server says it is not healthy. */
@Command(name = "status", aliases = "health", mixinStandardHelpOptions = true,
        description = "Show the server's health and information.")
public final class StatusCommand extends ConnectedCommand {

    @Override
    protected int run(Connection c, Output out) {
        VeriClient client = c.client();
        HealthStatus health = client.health();
        ServerInfo info = client.serverInfo();
        out.record(Fields.of().put("healthy", health.healthy()).put("version", info.version())
                .put("server", client.serverUuid()).put("address", client.address())
                .put("startedAt", Render.time(info.startedAt())).put("databases", info.numDatabases())
                .put("transactions", info.numTransactions()).put("diskBytes", info.databasesDiskSize()));
        return health.healthy() ? ExitCodes.OK : ExitCodes.OPERATION;
    }
}
