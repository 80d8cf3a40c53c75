package io.veridb.cli.admin;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Opens (loads) a database. */
@Command(name = "load", mixinStandardHelpOptions = true, description = "Load (open) database NAME.")
public final class DatabaseLoadCommand extends ConnectedCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Override
    protected int run(Connection c, Output out) {
        c.client().admin().loadDatabase(name);
        out.record(Fields.of().put("database", name).put("loaded", true));
        return ExitCodes.OK;
    }
}
