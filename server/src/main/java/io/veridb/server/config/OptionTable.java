package io.veridb.server.config;

import io.veridb.server.ServerConfig;
import io.veridb.server.config.ServerOptions.Kind;
import io.veridb.server.config.ServerOptions.Option;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/** The option table: names, defaults, help and parsing of every server option. */
final class OptionTable {
    private OptionTable() {}

    static final List<Option> OPTIONS = List.of(
            new Option(ServerOptions.CONFIG, null, Kind.PATH, "",
                    "config file (TOML, keys are the flag names); default ./immudb.toml if present", (b, v) -> {}),
            new Option("dir", null, Kind.PATH, "./data", "data folder", (b, v) -> b.dir(Path.of(v))),
            new Option("address", "a", Kind.STRING, "0.0.0.0", "bind address", (b, v) -> b.address(v)),
            new Option("port", "p", Kind.INT, String.valueOf(ServerConfig.DEFAULT_PORT),
                    "port number (immudb and DCB services; 0 = ephemeral)",
                    (b, v) -> b.port(ServerOptions.parseInt(v))),
            new Option("dcb-port", null, Kind.INT, String.valueOf(ServerConfig.DEFAULT_DCB_PORT),
                    "port of the UmaDB/DCB-only listener (-1 = off, 0 = ephemeral)",
                    (b, v) -> b.dcbPort(ServerOptions.parseInt(v))),
            new Option("dcb-address", null, Kind.STRING, "", "bind address of the DCB listener (default: --address)",
                    (b, v) -> b.dcbAddress(v)),
            new Option("dcb-database", null, Kind.STRING, "defaultdb", "database served by the DCB (UmaDB) face",
                    (b, v) -> b.dcbDatabase(v)),
            new Option("dcb-api-key", null, Kind.STRING, "",
                    "API key DCB clients must send as 'authorization: Bearer <key>' (empty = none)",
                    (b, v) -> b.dcbApiKey(v)),
            new Option("admin-password", null, Kind.STRING, "immudb",
                    "admin password as plain text or base64 prefixed with 'enc:'; applied on first start",
                    (b, v) -> b.adminPassword(ServerOptions.decodeAdminPassword(v))),
            new Option("force-admin-password", null, Kind.BOOLEAN, "false",
                    "reset the admin password to --admin-password on start-up",
                    (b, v) -> b.forceAdminPassword(ServerOptions.parseBoolean(v))),
            new Option("auth", "s", Kind.BOOLEAN, "true", "enable authentication",
                    (b, v) -> b.auth(ServerOptions.parseBoolean(v))),
            new Option("devmode", null, Kind.BOOLEAN, "false",
                    "accept remote connections without authentication (with --auth=false)",
                    (b, v) -> b.devmode(ServerOptions.parseBoolean(v))),
            new Option("maintenance", null, Kind.BOOLEAN, "false",
                    "maintenance mode: only reads and index maintenance are accepted",
                    (b, v) -> b.maintenance(ServerOptions.parseBoolean(v))),
            new Option("max-sessions", null, Kind.INT, "100", "maximum number of simultaneously opened sessions",
                    (b, v) -> b.maxSessions(ServerOptions.parseInt(v))),
            new Option("max-session-inactivity-time", null, Kind.DURATION, "3m",
                    "idle time after which a session is reported inactive",
                    (b, v) -> b.maxSessionInactivity(ServerOptions.parseDuration(v))),
            new Option("max-session-age-time", null, Kind.DURATION, "0",
                    "age after which a session is closed (0 = no limit)",
                    (b, v) -> b.maxSessionAge(ServerOptions.parseDuration(v))),
            new Option("session-timeout", null, Kind.DURATION, "2m",
                    "idle time after which a session is closed by the server",
                    (b, v) -> b.sessionTimeout(ServerOptions.parseDuration(v))),
            new Option("sessions-guard-check-interval", null, Kind.DURATION, "1m",
                    "how often idle sessions are reclaimed",
                    (b, v) -> b.sessionsGuardInterval(ServerOptions.parseDuration(v))),
            new Option("token-expiry-time", null, Kind.INT, "1440", "login token expiration time in minutes",
                    (b, v) -> b.tokenExpiry(Duration.ofMinutes(ServerOptions.parseInt(v)))),
            new Option("max-recv-msg-size", null, Kind.INT, String.valueOf(ServerConfig.DEFAULT_MAX_RECV_MSG_SIZE),
                    "max message size in bytes the server can receive",
                    (b, v) -> b.maxRecvMsgSizeBytes(ServerOptions.parseInt(v))),
            new Option("mtls", "m", Kind.BOOLEAN, "false",
                    "enable mutual TLS (needs --certificate, --pkey and --clientcas)",
                    (b, v) -> b.mtls(ServerOptions.parseBoolean(v))),
            new Option("certificate", null, Kind.PATH, "", "server certificate file path (PEM); enables TLS",
                    (b, v) -> b.certificate(ServerOptions.parsePathOrNull(v))),
            new Option("pkey", null, Kind.PATH, "", "server private key path (PEM)",
                    (b, v) -> b.pkey(ServerOptions.parsePathOrNull(v))),
            new Option("clientcas", null, Kind.PATH, "", "client certificate authorities (PEM) for mutual TLS",
                    (b, v) -> b.clientcas(ServerOptions.parsePathOrNull(v))),
            new Option("signingKey", null, Kind.PATH, "",
                    "EC P-256 private key (PEM) to sign states with; enables signatures",
                    (b, v) -> b.signingKey(ServerOptions.parsePathOrNull(v))),
            new Option("grpc-reflection", null, Kind.BOOLEAN, "true", "enable the gRPC reflection service",
                    (b, v) -> b.grpcReflection(ServerOptions.parseBoolean(v))),
            new Option("pidfile", null, Kind.PATH, "", "file to write the process id to",
                    (b, v) -> b.pidfile(ServerOptions.parsePathOrNull(v))),
            new Option("logfile", null, Kind.PATH, "", "log file (default: standard error)",
                    (b, v) -> b.logfile(ServerOptions.parsePathOrNull(v))));
}
