package io.veridb.cli.admin;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Closes (unloads) a database; its files stay. */
@Command(name = "unload", mixinStandardHelpOptions = true,
        description = "Unload (close) database NAME; its data stays on disk.")
public final class DatabaseUnloadCommand extends ConnectedCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    protected int run(Connection c, Output out) {
        c.client().admin().unloadDatabase(name);
        out.record(Fields.of().put("database", name).put("loaded", false));
        return ExitCodes.OK;
    }
}
