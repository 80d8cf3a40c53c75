package io.veridb.cli.admin;

import io.veridb.cli.support.ExitCodes;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code veridb admin user}: the user subcommands. */
@Command(name = "user", mixinStandardHelpOptions = true, description = "Manage users.",
        subcommands = {UserCreateCommand.class, UserListCommand.class, UserPasswordCommand.class,
            UserPermissionCommand.class, UserActivateCommand.class})
public final class UserCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return ExitCodes.USAGE;
    }
}
