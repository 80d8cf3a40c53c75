package io.veridb.cli.client;

import io.veridb.cli.support.ClientSettings;
import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.cli.support.SelectedDatabase;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Selects the database for later commands at this address: opens a session on it (which checks it exists and
 * that the user may use it) and records it in the state directory.
 */
@Command(name = "use", mixinStandardHelpOptions = true,
        description = "Select the database of later client commands (per user and address).")
public final class UseCommand extends ConnectedCommand {

    @Parameters(paramLabel = "DATABASE", description = "Database name.")
    String database;

    @Override
    protected ClientSettings adjust(ClientSettings s) {
        return s.withDatabase(database);
    }

    @Override
    protected int run(Connection c, Output out) {
        String db = c.client().database();
        SelectedDatabase.write(c.settings().stateDir(), c.settings().username(), c.settings().address(), db);
        out.record(Fields.of().put("database", db).put("address", c.settings().address()).put("selected", true));
        return ExitCodes.OK;
    }
}
