package io.veridb.cli;

import io.veridb.cli.audit.AuditRunner;
import io.veridb.cli.support.ClientSettings;
import io.veridb.cli.support.CliLogging;
import io.veridb.cli.support.ConnectionHolder;
import io.veridb.cli.support.ConnectionOptions;
import io.veridb.cli.support.DurationConverter;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Failures;
import io.veridb.cli.support.Output;
import io.veridb.cli.support.OutputOptions;
import io.veridb.cli.support.Passwords;
import io.veridb.cli.support.SettingsResolver;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code veridb audit}: a continuous auditor. Every {@code --interval} it checks that each database's current
 * state extends the last audited one (dual proof) and re-derives the new transactions from their values; it
 * exits 3 on the first failure, after printing what failed.
 */
@Command(name = "audit", mixinStandardHelpOptions = true,
        description = "Continuously audit a server: prove each new state extends the last audited one and "
                + "re-hash the values of every new transaction.",
        footer = {"", "--database takes a comma-separated list (default: every loaded database).",
            "Audited states are kept per server and database in <state-dir>/audit.",
            "Exit codes: 0 all rounds passed, 1 the last round could not reach the",
            "server, 2 usage error, 3 verification failed (printed with what failed)."})
final class AuditCommand implements Callable<Integer>, ConnectionHolder {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Option(names = "--interval", paramLabel = "DURATION", converter = DurationConverter.class, defaultValue = "10s",
            description = "Time between rounds (default ${DEFAULT-VALUE}).")
    Duration interval;

    @Option(names = "--rounds", paramLabel = "N", defaultValue = "0",
            description = "Stop after N rounds (default 0 = never).")
    long rounds;

    @Option(names = "--no-values", description = "Only check proofs; do not re-hash transaction values.")
    boolean noValues;

    @Option(names = "--full", description = "Re-derive every transaction from the first one each round "
            + "(also catches damage to values older than the last audit).")
    boolean full;

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
        Output out = new Output(spec.commandLine().getOut(), spec.commandLine().getErr(), output.json());
        if (rounds < 0 || interval.isNegative()) {
            throw new ParameterException(spec.commandLine(), "--rounds and --interval must not be negative");
        }
        if (full && noValues) {
            throw new ParameterException(spec.commandLine(), "--full re-hashes values; it cannot go with --no-values");
        }
        try {
            List<String> named = databases(connection.flags().database());
            ClientSettings s = SettingsResolver.fromSystem().resolve(connection.flags(), false);
            if (!named.isEmpty()) {
                s = s.withDatabase(named.get(0));
            }
            CliLogging.quiet();
            AuditRunner runner = new AuditRunner(Passwords.forLogin(s), named, !noValues, full, out,
                    Clock.systemUTC());
            return loop(runner);
        } catch (RuntimeException e) {
            return Failures.report(spec.qualifiedName(), e, out);
        }
    }

    private int loop(AuditRunner runner) {
        AuditRunner.Outcome last = AuditRunner.Outcome.OK;
        for (long round = 1; rounds == 0 || round <= rounds; round++) {
            last = runner.round(round);
            if (last == AuditRunner.Outcome.FAILED) {
                return ExitCodes.VERIFICATION;
            }
            if (rounds != 0 && round == rounds) {
                break;
            }
            try {
                Thread.sleep(interval.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        return last == AuditRunner.Outcome.OK ? ExitCodes.OK : ExitCodes.OPERATION;
    }

    private static List<String> databases(String flag) {
        if (flag == null) {
            return List.of();
        }
        return Arrays.stream(flag.split(",")).map(String::trim).filter(d -> !d.isEmpty()).toList();
    }
}
