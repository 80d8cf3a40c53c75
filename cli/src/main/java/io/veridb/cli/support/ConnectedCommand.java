package io.veridb.cli.support;

import java.util.concurrent.Callable;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * Base of every command that talks to a server: resolves the settings of the nearest enclosing
 * {@link ConnectionHolder}, asks for a missing password, connects, runs {@link #run}, and turns failures into
 * the exit codes of {@link ExitCodes}. Output goes to the streams of the picocli command line.
 */
public abstract class ConnectedCommand implements Callable<Integer> {

    @Spec
    protected CommandSpec spec;

    /** Does the work on an open connection; returns the exit code. */
    protected abstract int run(Connection connection, Output out);

    @Override
    public final Integer call() {
        Output out = output();
        try {
            ClientSettings settings = Passwords.forLogin(adjust(settings()));
            CliLogging.quiet();
            try (Connection c = Connection.open(settings)) {
                return run(c, out);
            }
        } catch (ParameterException e) {
            throw e;
        } catch (RuntimeException e) {
            return Failures.report(spec.qualifiedName(), e, out);
        }
    }

    /** Lets a command change the settings before connecting (for example the database); default: unchanged. */
    protected ClientSettings adjust(ClientSettings s) {
        return s;
    }

    /** The resolved settings, without prompting for a password. */
    protected ClientSettings settings() {
        ConnectionHolder h = holder();
        return SettingsResolver.fromSystem().resolve(h.connectionOptions().flags(), h.followsSelectedDatabase());
    }

    /** The output of this command. */
    protected Output output() {
        return new Output(spec.commandLine().getOut(), spec.commandLine().getErr(),
                holder().outputOptions().json());
    }

    /** The nearest enclosing command (or this one) holding the connection flags. */
    protected ConnectionHolder holder() {
        return holderOf(spec);
    }

    /** The nearest command from {@code s} upward that holds the connection flags. */
    public static ConnectionHolder holderOf(CommandSpec s) {
        for (CommandSpec c = s; c != null; c = c.parent()) {
            if (c.userObject() instanceof ConnectionHolder h) {
                return h;
            }
        }
        throw new IllegalStateException("no command above " + s.qualifiedName() + " holds connection options");
    }
}
