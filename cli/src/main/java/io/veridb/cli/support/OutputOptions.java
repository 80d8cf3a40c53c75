package io.veridb.cli.support;

import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The {@code --json} flag, accepted before or after the subcommand name. */
public final class OutputOptions {

    @Option(names = "--json", scope = ScopeType.INHERIT,
            description = "Print results (and errors) as one JSON object per line on standard output.")
    boolean json;

    /** True if {@code --json} was given. */
    public boolean json() {
        return json;
    }
}
