package io.veridb.cli.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Resolves connection settings. For each setting the first source that has it wins: the flag, the environment
 * variable ({@code VERIDB_ADDRESS}, {@code VERIDB_USERNAME}, {@code VERIDB_PASSWORD}, {@code VERIDB_DATABASE},
 * {@code VERIDB_TLS}, {@code VERIDB_CA}, {@code VERIDB_CERT}, {@code VERIDB_KEY}, {@code VERIDB_SERVER_KEY},
 * {@code VERIDB_STATE_DIR}), for the database the one chosen with {@code veridb client use}, the configuration
 * file ({@code --config}, {@code VERIDB_CONFIG}, or {@code ~/.veridb/client.toml} if it exists), and the default
 * ({@code localhost:3322}, {@code immudb}, {@code defaultdb}, plaintext, {@code ~/.veridb/state}). There is no
 * default password.
 */
public final class SettingsResolver {

    public static final String DEFAULT_ADDRESS = "localhost:3322";
    public static final String DEFAULT_USERNAME = "immudb";
    public static final String DEFAULT_DATABASE = "defaultdb";

    private final Map<String, String> env;
    private final Path home;

    /**
     * @param env the environment (usually {@link System#getenv()})
     * @param home the user's home directory, for {@code ~/.veridb}
     */
    public SettingsResolver(Map<String, String> env, Path home) {
        this.env = Map.copyOf(env);
        this.home = home;
    }

    /** Resolver over the process environment and {@code user.home}. */
    public static SettingsResolver fromSystem() {
        return new SettingsResolver(System.getenv(), Path.of(System.getProperty("user.home")));
    }

    /** The settings for {@code flags}, following the database chosen with {@code use}. */
    public ClientSettings resolve(ConnectionOptions.Flags flags) {
        return resolve(flags, true);
    }

    /**
     * The settings for {@code flags}.
     *
     * @param useSelection whether the database chosen with {@code veridb client use} counts (only client commands
     *     follow it; admin, audit and bench do not)
     */
    public ClientSettings resolve(ConnectionOptions.Flags flags, boolean useSelection) {
        Map<String, String> file = configFile(flags).map(ConfigFile::read).orElse(Map.of());
        String address = pick(flags.address(), "VERIDB_ADDRESS", file, "address").orElse(DEFAULT_ADDRESS);
        String username = pick(flags.username(), "VERIDB_USERNAME", file, "username").orElse(DEFAULT_USERNAME);
        Path stateDir = path(flags.stateDir(), "VERIDB_STATE_DIR", file, "state-dir")
                .orElse(home.resolve(".veridb").resolve("state"));
        String database = pick(flags.database(), "VERIDB_DATABASE", Map.of(), "database")
                .or(() -> useSelection ? SelectedDatabase.read(stateDir, username, address) : Optional.empty())
                .or(() -> Optional.ofNullable(file.get("database")))
                .orElse(DEFAULT_DATABASE);
        String tls = pick(flags.tls() == null ? null : flags.tls().toString(), "VERIDB_TLS", file, "tls")
                .orElse("false");
        return new ClientSettings(address,
                username,
                pick(flags.password(), "VERIDB_PASSWORD", file, "password"),
                database,
                parseBoolean("tls", tls),
                path(flags.ca(), "VERIDB_CA", file, "ca").orElse(null),
                path(flags.cert(), "VERIDB_CERT", file, "cert").orElse(null),
                path(flags.key(), "VERIDB_KEY", file, "key").orElse(null),
                path(flags.serverKey(), "VERIDB_SERVER_KEY", file, "server-key").orElse(null),
                stateDir);
    }

    /** The configuration file to read: named by flag or environment (must exist), else the default if present. */
    Optional<Path> configFile(ConnectionOptions.Flags flags) {
        Path named = flags.config() != null ? flags.config()
                : env.containsKey("VERIDB_CONFIG") ? Path.of(env.get("VERIDB_CONFIG")) : null;
        if (named != null) {
            if (!Files.isRegularFile(named)) {
                throw new UsageException("config file " + named + " does not exist");
            }
            return Optional.of(named);
        }
        Path dflt = home.resolve(".veridb").resolve("client.toml");
        return Files.isRegularFile(dflt) ? Optional.of(dflt) : Optional.empty();
    }

    private Optional<String> pick(String flag, String envName, Map<String, String> file, String fileKey) {
        if (flag != null) {
            return Optional.of(flag);
        }
        String e = env.get(envName);
        if (e != null && !e.isEmpty()) {
            return Optional.of(e);
        }
        return Optional.ofNullable(file.get(fileKey));
    }

    private Optional<Path> path(Path flag, String envName, Map<String, String> file, String fileKey) {
        return pick(flag == null ? null : flag.toString(), envName, file, fileKey).map(Path::of);
    }

    private static boolean parseBoolean(String name, String v) {
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "1", "yes", "on" -> true;
            case "false", "0", "no", "off" -> false;
            default -> throw new UsageException(name + "=" + v + ", want true or false");
        };
    }
}
