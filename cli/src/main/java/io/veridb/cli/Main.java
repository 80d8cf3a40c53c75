package io.veridb.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The single {@code veridb} command; each subcommand lives in its own class. */
@Command(
        name = "veridb",
        mixinStandardHelpOptions = true,
        version = "veridb 0.1.0",
        description = "VeriDB: a tamper-evident database speaking immudb's and UmaDB's protocols.",
        subcommands = {
            ServerCommand.class,
            ClientCommand.class,
            AdminCommand.class,
            VerifyCommand.class,
            AuditCommand.class,
            BenchCommand.class,
            CommandLine.HelpCommand.class
        })
public final class Main implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns its exit code (used by tests). */
    public static int run(String... args) {
        return new CommandLine(new Main()).execute(args);
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
