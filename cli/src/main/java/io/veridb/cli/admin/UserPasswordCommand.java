package io.veridb.cli.admin;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.cli.support.PasswordPolicy;
import io.veridb.cli.support.Passwords;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Changes a password. The old password is the login password when changing one's own, else
 * {@code --old-password} (the server checks it for the sysadmin {@code immudb}).
 */
@Command(name = "password", mixinStandardHelpOptions = true, description = "Change the password of user NAME.")
public final class UserPasswordCommand extends ConnectedCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--old-password", paramLabel = "PASSWORD",
            description = "Current password of NAME (default: the login password when NAME is the login user).")
    String oldPassword;

    @Option(names = "--new-password", paramLabel = "PASSWORD",
            description = "New password (prompted twice on a terminal when absent).")
    String newPassword;

    @Option(names = "--weak-password", description = "Skip the password rule (8-32 chars, upper case, digit, symbol).")
    boolean weak;

    @Override
    protected int run(Connection c, Output out) {
        String pw = Passwords.newOrPrompt(Optional.ofNullable(newPassword), name, "give --new-password");
        if (!weak) {
            PasswordPolicy.check(pw);
        }
        String old = oldPassword != null ? oldPassword
                : name.equals(c.settings().username()) ? c.settings().password().orElse("") : "";
        c.client().admin().changePassword(name, old, pw);
        out.record(Fields.of().put("user", name).put("passwordChanged", true));
        return ExitCodes.OK;
    }
}
