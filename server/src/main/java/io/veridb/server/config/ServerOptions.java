package io.veridb.server.config;

import io.veridb.server.ServerConfig;
import io.veridb.server.ServerConfigBuilder;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The one mapping from command-line flags, {@code IMMUDB_*} environment variables and {@code immudb.toml} keys to
 * {@link ServerConfig}. Names are immudb's flag names; the environment name is {@code IMMUDB_} + the name upper-cased
 * with {@code -} as {@code _}; TOML keys are the flag names. Precedence: flag &gt; environment &gt; TOML &gt;
 * default. The TOML file is {@code --config} (or {@code IMMUDB_CONFIG}), else {@code ./immudb.toml} if present.
 */
public final class ServerOptions {
    private static final Logger LOG = LoggerFactory.getLogger(ServerOptions.class);

    /** Name of the option that points at the TOML file. */
    public static final String CONFIG = "config";

    /** Default TOML file name, looked up in the working directory. */
    public static final String DEFAULT_CONFIG_FILE = "immudb.toml";

    /** Value kinds; booleans may be given as a bare flag. */
    public enum Kind {
        STRING,
        INT,
        BOOLEAN,
        DURATION,
        PATH
    }

    /**
     * One option.
     *
     * @param name flag name without dashes (also the TOML key)
     * @param shortName one-letter alias or null
     * @param kind value kind
     * @param defaultValue default as text ("" = unset)
     * @param description help text
     * @param apply parses a text value into the builder
     */
    public record Option(
            String name,
            String shortName,
            Kind kind,
            String defaultValue,
            String description,
            BiConsumer<ServerConfigBuilder, String> apply) {
        public Option {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(defaultValue, "defaultValue");
            Objects.requireNonNull(description, "description");
        }

        /** The environment variable that sets this option. */
        public String envName() {
            return ServerOptions.envName(name);
        }
    }

    private ServerOptions() {}

    /** Every option, in help order (the {@code config} option first). */
    public static List<Option> all() {
        return OptionTable.OPTIONS;
    }

    /** {@code IMMUDB_} + upper-cased name with {@code -} replaced by {@code _}. */
    public static String envName(String name) {
        return "IMMUDB_" + name.toUpperCase(Locale.ROOT).replace('-', '_');
    }

    /**
     * Resolves the configuration.
     *
     * @param flags explicitly given flags: option name → text value
     * @param env the environment (e.g. {@code System.getenv()})
     * @param workingDir where {@code immudb.toml} is looked for when no config file is named
     * @throws IllegalArgumentException naming the option, its source and the problem
     */
    public static ServerConfig resolve(Map<String, String> flags, Map<String, String> env, Path workingDir) {
        Map<String, String> toml = readToml(flags, env, workingDir);
        ServerConfigBuilder builder = ServerConfig.builder();
        for (Option option : all()) {
            if (option.name().equals(CONFIG)) {
                continue;
            }
            String source;
            String value;
            if (flags.containsKey(option.name())) {
                source = "flag --" + option.name();
                value = flags.get(option.name());
            } else if (env.containsKey(option.envName())) {
                source = "environment " + option.envName();
                value = env.get(option.envName());
            } else if (toml.containsKey(option.name())) {
                source = "config file key " + option.name();
                value = toml.get(option.name());
            } else {
                source = "default";
                value = option.defaultValue();
            }
            try {
                option.apply().accept(builder, value.trim());
            } catch (RuntimeException e) {
                throw new IllegalArgumentException(
                        "invalid value '" + value + "' for " + option.name() + " (from " + source + "): "
                                + e.getMessage(), e);
            }
        }
        return builder.build();
    }

    private static Map<String, String> readToml(Map<String, String> flags, Map<String, String> env, Path workingDir) {
        String named = flags.getOrDefault(CONFIG, env.get(envName(CONFIG)));
        Path file;
        if (named != null && !named.isBlank()) {
            file = workingDir.resolve(named);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("config file does not exist: " + file);
            }
        } else {
            file = workingDir.resolve(DEFAULT_CONFIG_FILE);
            if (!Files.isRegularFile(file)) {
                return Map.of();
            }
        }
        TomlParseResult toml;
        try {
            toml = Toml.parse(file);
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read config file " + file + ": " + e.getMessage(), e);
        }
        if (toml.hasErrors()) {
            throw new IllegalArgumentException("config file " + file + " is not valid TOML: "
                    + toml.errors().stream().map(Object::toString).collect(Collectors.joining("; ")));
        }
        Map<String, String> values = new TreeMap<>();
        for (String key : toml.keySet()) {
            Object v = toml.get(List.of(key));
            if (all().stream().noneMatch(o -> o.name().equals(key))) {
                LOG.warn("config file {}: ignoring unknown key '{}'", file, key);
                continue;
            }
            values.put(key, String.valueOf(v));
        }
        LOG.info("using config file {}", file);
        return values;
    }

    static boolean parseBoolean(String s) {
        switch (s.toLowerCase(Locale.ROOT)) {
            case "true":
            case "t":
            case "1":
            case "yes":
                return true;
            case "false":
            case "f":
            case "0":
            case "no":
                return false;
            default:
                throw new IllegalArgumentException("not a boolean (use true or false)");
        }
    }

    static int parseInt(String s) {
        try {
            return Integer.parseInt(s);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("not an integer", e);
        }
    }

    static Duration parseDuration(String s) {
        return Durations.parse(s);
    }

    static Path parsePathOrNull(String s) {
        return s.isEmpty() ? null : Path.of(s);
    }

    /** immudb's admin password form: plain text, or {@code enc:} followed by base64. */
    static String decodeAdminPassword(String s) {
        if (s.startsWith("enc:")) {
            return new String(Base64.getDecoder().decode(s.substring(4)), StandardCharsets.UTF_8);
        }
        return s;
    }
}
