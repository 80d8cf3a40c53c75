package io.veridb.cli.bench;

import io.veridb.cli.support.ExitCodes;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

/**
 * Runs one of the bench module's stand-alone load tools with the remaining arguments, unchanged. The tools print
 * their own results (and some end the JVM when done), so this is for interactive use, not for scripts that need
 * {@code veridb}'s exit codes or JSON.
 */
abstract class ToolCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Unmatched
    List<String> args = new ArrayList<>();

    /** Runs the tool. */
    abstract void main(String[] args) throws Exception;

    /** One line of usage, shown when no argument is given. */
    abstract String usage();

    @Override
    public Integer call() throws Exception {
        if (args.isEmpty() || args.contains("--help") || args.contains("-h")) {
            spec.commandLine().getErr().println("usage: " + spec.qualifiedName() + " " + usage());
            return args.isEmpty() ? ExitCodes.USAGE : ExitCodes.OK;
        }
        main(args.toArray(String[]::new));
        return ExitCodes.OK;
    }
}
