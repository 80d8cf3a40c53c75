package io.veridb.cli.admin;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Activates a user, or deactivates one with {@code --off} (an inactive user cannot log in). */
@Command(name = "activate", mixinStandardHelpOptions = true,
        description = "Activate user NAME (deactivate with --off; inactive users cannot log in).")
public final class UserActivateCommand extends ConnectedCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--off", description = "Deactivate instead.")
    boolean off;

    @Override
    protected int run(Connection c, Output out) {
        c.client().admin().setActiveUser(name, !off);
        out.record(Fields.of().put("user", name).put("active", !off));
        return ExitCodes.OK;
    }
}
