package io.veridb.cli;

import io.veridb.server.ServerConfig;
import io.veridb.server.VeriDbServer;
import io.veridb.server.config.ServerOptions;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code veridb server}: runs the server until SIGTERM/SIGINT. The options are generated from the server's option
 * table ({@link ServerOptions}), which also resolves flags, {@code IMMUDB_*} variables and {@code immudb.toml}.
 */
@Command(
        name = "server",
        mixinStandardHelpOptions = true,
        modelTransformer = ServerCommand.Options.class,
        description = "Run the VeriDB server (immudb gRPC protocol, plus UmaDB's DCB protocol).",
        footer = {
            "",
            "Every option can also be set as an environment variable IMMUDB_<NAME>",
            "(upper case, '-' as '_') or as a key in immudb.toml (--config, default",
            "./immudb.toml).",
            "Precedence: flag > environment > config file > default."
        })
final class ServerCommand implements Callable<Integer> {
    @CommandLine.Spec
    CommandSpec spec;

    /** Adds one option per entry of the server's option table. */
    static final class Options implements CommandLine.IModelTransformer {
        @Override
        public CommandSpec transform(CommandSpec spec) {
            for (ServerOptions.Option o : ServerOptions.all()) {
                List<String> names = new ArrayList<>();
                names.add("--" + o.name());
                if (o.shortName() != null) {
                    names.add("-" + o.shortName());
                }
                String description = o.description() + " [" + o.envName() + "]"
                        + (o.defaultValue().isEmpty() ? "" : " (default: ${DEFAULT-VALUE})");
                OptionSpec.Builder b = OptionSpec.builder(names.toArray(new String[0]))
                        .type(String.class)
                        .paramLabel("<" + o.kind().name().toLowerCase(Locale.ROOT) + ">")
                        .description(description);
                if (!o.defaultValue().isEmpty()) {
                    b.defaultValue(o.defaultValue());
                }
                if (o.kind() == ServerOptions.Kind.BOOLEAN) {
                    b.arity("0..1").fallbackValue("true").paramLabel("<true|false>");
                }
                spec.addOption(b.build());
            }
            return spec;
        }
    }

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        ServerConfig config;
        try {
            config = ServerOptions.resolve(explicitFlags(), System.getenv(), Path.of(""));
        } catch (IllegalArgumentException e) {
            err.println("veridb server: " + e.getMessage());
            err.flush();
            return 2;
        }
        VeriDbServer server;
        try {
            server = VeriDbServer.start(config);
        } catch (IOException | RuntimeException e) {
            err.println("veridb server: cannot start: " + e.getMessage());
            err.flush();
            return 1;
        }
        PrintWriter out = spec.commandLine().getOut();
        out.println("VeriDB listening on " + config.address() + ":" + server.port()
                + (server.dcbPort() < 0 ? "" : " (DCB also on " + config.effectiveDcbAddress() + ":"
                        + server.dcbPort() + ")")
                + ", data in " + config.dir().toAbsolutePath().normalize() + ", server uuid " + server.uuid());
        out.flush();
        try {
            server.awaitTermination();
        } catch (InterruptedException e) {
            server.close();
            Thread.currentThread().interrupt();
        }
        return 0;
    }

    /** The options given on the command line (not defaulted), by option name. */
    private Map<String, String> explicitFlags() {
        CommandLine.ParseResult parsed = spec.commandLine().getParseResult();
        Map<String, String> flags = new LinkedHashMap<>();
        for (ServerOptions.Option o : ServerOptions.all()) {
            OptionSpec option = spec.findOption(o.name());
            if (option != null && parsed.hasMatchedOption(option)) {
                String value = option.getValue();
                flags.put(o.name(), value == null ? "" : value);
            }
        }
        return flags;
    }
}
