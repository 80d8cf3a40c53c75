package io.veridb.cli;

import io.veridb.bench.load.LoadGenerator;
import io.veridb.bench.load.LoadOptions;
import io.veridb.bench.load.LoadReport;
import io.veridb.bench.load.Mix;
import io.veridb.cli.bench.DcbToolCommand;
import io.veridb.cli.bench.EmbeddedServer;
import io.veridb.cli.bench.ImmudbToolCommand;
import io.veridb.cli.bench.LedgerToolCommand;
import io.veridb.cli.bench.ProgressBar;
import io.veridb.cli.bench.ResultsTable;
import io.veridb.cli.support.ClientSettings;
import io.veridb.cli.support.CliLogging;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ConnectionHolder;
import io.veridb.cli.support.ConnectionOptions;
import io.veridb.cli.support.DurationConverter;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Failures;
import io.veridb.cli.support.Output;
import io.veridb.cli.support.OutputOptions;
import io.veridb.cli.support.Passwords;
import io.veridb.cli.support.SettingsResolver;
import io.veridb.client.MemoryStateStore;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code veridb bench}: drives a server with N closed-loop clients doing a mix of set, verified-set, get and
 * verified-get for a duration, then prints ops/s and latency percentiles per operation. {@code --embedded} runs
 * against a throwaway in-process server instead of {@code --address}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true,
        description = "Load-test a server over the immudb protocol and report ops/s, p50 and p99.",
        footer = {"", "Example:",
            "  veridb bench --embedded --clients 8 --duration 30s --mix set:1,get:4",
            "Exit codes: 0 ok, 1 no request succeeded, 2 usage error.",
            "The subcommands run the bench module's other tools with their own arguments."},
        subcommands = {ImmudbToolCommand.class, DcbToolCommand.class, LedgerToolCommand.class})
final class BenchCommand implements Callable<Integer>, ConnectionHolder {

    @Mixin
    ConnectionOptions connection;

    @Mixin
    OutputOptions output;

    @Spec
    CommandSpec spec;

    @Option(names = "--clients", paramLabel = "N", defaultValue = "4",
            description = "Concurrent clients (default ${DEFAULT-VALUE}).")
    int clients;

    @Option(names = "--duration", paramLabel = "DURATION", defaultValue = "10s", converter = DurationConverter.class,
            description = "Measured time (default ${DEFAULT-VALUE}).")
    Duration duration;

    @Option(names = "--warmup", paramLabel = "DURATION", defaultValue = "2s", converter = DurationConverter.class,
            description = "Unmeasured time before (default ${DEFAULT-VALUE}).")
    Duration warmup;

    @Option(names = "--mix", paramLabel = "OP:WEIGHT,...", defaultValue = "set:1,verified-set:1,get:2",
            description = "Operations and weights from set, verified-set, get, verified-get "
                    + "(default ${DEFAULT-VALUE}).")
    String mix;

    @Option(names = "--keys", paramLabel = "N", defaultValue = "1000",
            description = "Key space size (default ${DEFAULT-VALUE}).")
    int keys;

    @Option(names = "--value-size", paramLabel = "BYTES", defaultValue = "128",
            description = "Value bytes (default ${DEFAULT-VALUE}).")
    int valueSize;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "1",
            description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--embedded", description = "Start a throwaway in-process server and load it.")
    boolean embedded;

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
        LoadOptions options = options();
        CliLogging.quiet();
        try (EmbeddedServer server = embedded ? EmbeddedServer.start() : null) {
            ClientSettings s = server != null ? embeddedSettings(server)
                    : Passwords.forLogin(SettingsResolver.fromSystem().resolve(connection.flags(), false));
            ProgressBar bar = new ProgressBar(out.err(), System.console() != null && !out.json());
            LoadReport report;
            try {
                report = LoadGenerator.run(options, i -> Connection.open(s, new MemoryStateStore()).client(), bar);
            } finally {
                bar.finish();
            }
            if (out.json()) {
                out.record(ResultsTable.fields(report));
            } else {
                ResultsTable.lines(report).forEach(out::text);
            }
            return report.total().count() > 0 ? ExitCodes.OK : ExitCodes.OPERATION;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Failures.report(spec.qualifiedName(), new IllegalStateException("interrupted"), out);
        } catch (RuntimeException e) {
            return Failures.report(spec.qualifiedName(), e, out);
        }
    }

    private LoadOptions options() {
        try {
            return new LoadOptions(clients, duration, warmup, Mix.parse(mix), keys, valueSize, seed);
        } catch (IllegalArgumentException e) {
            throw new ParameterException(spec.commandLine(), e.getMessage(), e);
        }
    }

    private ClientSettings embeddedSettings(EmbeddedServer server) {
        ClientSettings resolved = SettingsResolver.fromSystem().resolve(connection.flags(), false);
        return new ClientSettings(server.address(), SettingsResolver.DEFAULT_USERNAME, Optional.of("immudb"),
                SettingsResolver.DEFAULT_DATABASE, false, null, null, null, null, resolved.stateDir());
    }
}
