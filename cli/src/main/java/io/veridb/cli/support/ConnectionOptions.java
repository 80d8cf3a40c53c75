package io.veridb.cli.support;

import java.nio.file.Path;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/**
 * The connection flags shared by {@code client}, {@code admin}, {@code audit} and {@code bench}. Every field is
 * null when the flag is absent, so that {@link SettingsResolver} can fall back to the environment, the
 * configuration file and the defaults. The flags may be given before or after the subcommand name.
 */
public final class ConnectionOptions {

    @Option(names = "--address", scope = ScopeType.INHERIT, paramLabel = "HOST:PORT",
            description = "Server address (env VERIDB_ADDRESS; default localhost:3322).")
    String address;

    @Option(names = "--username", scope = ScopeType.INHERIT, paramLabel = "USER",
            description = "User name (env VERIDB_USERNAME; default immudb).")
    String username;

    @Option(names = "--password", scope = ScopeType.INHERIT, paramLabel = "PASSWORD",
            description = "Password (env VERIDB_PASSWORD; prompted without echo on a terminal when absent). "
                    + "Prefer the environment or the config file: flags are visible to other local users.")
    String password;

    @Option(names = "--database", scope = ScopeType.INHERIT, paramLabel = "DB",
            description = "Database (env VERIDB_DATABASE; else the one chosen with 'client use'; default defaultdb).")
    String database;

    @Option(names = "--tls", scope = ScopeType.INHERIT, arity = "0..1", fallbackValue = "true",
            paramLabel = "true|false",
            description = "Use TLS (env VERIDB_TLS). Implied by --ca.")
    Boolean tls;

    @Option(names = "--ca", scope = ScopeType.INHERIT, paramLabel = "PEM",
            description = "CA certificates to trust for TLS (env VERIDB_CA; default: the JVM's trust store).")
    Path ca;

    @Option(names = "--cert", scope = ScopeType.INHERIT, paramLabel = "PEM",
            description = "Client certificate for mutual TLS (env VERIDB_CERT).")
    Path cert;

    @Option(names = "--key", scope = ScopeType.INHERIT, paramLabel = "PEM",
            description = "PKCS#8 private key of --cert (env VERIDB_KEY).")
    Path key;

    @Option(names = "--server-key", scope = ScopeType.INHERIT, paramLabel = "PEM",
            description = "Server's public signing key; every state signature is then checked "
                    + "(env VERIDB_SERVER_KEY).")
    Path serverKey;

    @Option(names = "--state-dir", scope = ScopeType.INHERIT, paramLabel = "DIR",
            description = "Where trusted states and server identities are kept (env VERIDB_STATE_DIR; "
                    + "default ~/.veridb/state).")
    Path stateDir;

    @Option(names = "--config", scope = ScopeType.INHERIT, paramLabel = "FILE",
            description = "Client configuration file (env VERIDB_CONFIG; default ~/.veridb/client.toml if present).")
    Path config;

    /** The flags as given, for {@link SettingsResolver}. */
    public Flags flags() {
        return new Flags(address, username, password, database, tls, ca, cert, key, serverKey, stateDir, config);
    }

    /**
     * The connection flags as given; null = not given. {@code toString} never shows the password.
     */
    public record Flags(String address, String username, String password, String database, Boolean tls, Path ca,
            Path cert, Path key, Path serverKey, Path stateDir, Path config) {

        /** No flag given. */
        public static Flags none() {
            return new Flags(null, null, null, null, null, null, null, null, null, null, null);
        }

        @Override
        public String toString() {
            return "Flags[address=" + address + " username=" + username + " password="
                    + (password == null ? "absent" : "***") + " database=" + database + " tls=" + tls + " ca=" + ca
                    + " cert=" + cert + " key=" + key + " serverKey=" + serverKey + " stateDir=" + stateDir
                    + " config=" + config + "]";
        }
    }
}
