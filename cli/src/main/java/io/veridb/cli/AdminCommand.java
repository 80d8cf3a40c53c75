package io.veridb.cli;

import io.veridb.cli.admin.DatabaseCommand;
import io.veridb.cli.admin.UserCommand;
import io.veridb.cli.support.ConnectionHolder;
import io.veridb.cli.support.ConnectionOptions;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.OutputOptions;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veridb admin}: users and databases, in the spirit of immuadmin. Same connection flags as {@code client}. */
@Command(name = "admin", mixinStandardHelpOptions = true,
        description = "Manage users and databases (needs the sysadmin or a database admin).",
        footer = {"", "Exit codes: 0 ok, 1 operation failed, 2 usage error, 3 verification failed."},
        subcommands = {UserCommand.class, DatabaseCommand.class})
final class AdminCommand implements Callable<Integer>, ConnectionHolder {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Override
    public ConnectionOptions connectionOptions() {
        return connection;
    }

    @Override
    public OutputOptions outputOptions() {
        return output;
    }

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
