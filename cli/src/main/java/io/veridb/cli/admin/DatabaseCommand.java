package io.veridb.cli.admin;

import io.veridb.cli.support.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veridb admin database}: the database subcommands. */
@Command(name = "database", aliases = "db", mixinStandardHelpOptions = true, description = "Manage databases.",
        subcommands = {DatabaseCreateCommand.class, DatabaseListCommand.class, DatabaseLoadCommand.class,
            DatabaseUnloadCommand.class})
public final class DatabaseCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
