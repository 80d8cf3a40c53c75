package io.veridb.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;

/**
 * Every option of a VeriDB server, with immudb's defaults ({@link #defaults()}). Flag, environment and
 * {@code immudb.toml} names map onto these components in {@code io.veridb.server.config.ServerOptions}.
 *
 * @param dir data directory; one sub-directory per database, plus {@code immudb.identifier}
 * @param address bind address of the main (immudb) port
 * @param port main gRPC port (immudb + DCB services); 0 = ephemeral
 * @param dcbAddress bind address of the DCB-only port; null = same as {@code address}
 * @param dcbPort DCB-only gRPC port (UmaDB default 50051); 0 = ephemeral, -1 = off
 * @param dcbDatabase database the DCB face serves
 * @param dcbApiKey API key DCB clients must present; null = none
 * @param adminPassword password of the sysadmin {@code immudb} on first start (or with forceAdminPassword)
 * @param forceAdminPassword reset the sysadmin password to adminPassword at start
 * @param auth authentication on (off: only local clients, unless devmode)
 * @param devmode accept remote clients when auth is off
 * @param maintenance maintenance mode: only reads and index maintenance are allowed
 * @param maxSessions simultaneously open sessions
 * @param sessionTimeout idle time after which a session is closed
 * @param maxSessionInactivity idle time after which a session counts as inactive
 * @param maxSessionAge age after which a session is closed; zero = unlimited
 * @param sessionsGuardInterval how often idle sessions are reclaimed
 * @param tokenExpiry lifetime of Login tokens
 * @param maxRecvMsgSizeBytes largest inbound gRPC message
 * @param certificate TLS certificate chain (PEM); null = plaintext
 * @param pkey TLS private key (PEM)
 * @param clientcas CA certificates that client certificates must chain to (mTLS)
 * @param mtls require and verify client certificates
 * @param signingKey PEM EC (P-256) private key to sign states with; null = unsigned
 * @param grpcReflection register gRPC server reflection
 * @param pidfile file to write the process id to; null = none
 * @param logfile file to append logs to; null = standard error
 */
public record ServerConfig(
        Path dir,
        String address,
        int port,
        String dcbAddress,
        int dcbPort,
        String dcbDatabase,
        String dcbApiKey,
        String adminPassword,
        boolean forceAdminPassword,
        boolean auth,
        boolean devmode,
        boolean maintenance,
        int maxSessions,
        Duration sessionTimeout,
        Duration maxSessionInactivity,
        Duration maxSessionAge,
        Duration sessionsGuardInterval,
        Duration tokenExpiry,
        int maxRecvMsgSizeBytes,
        Path certificate,
        Path pkey,
        Path clientcas,
        boolean mtls,
        Path signingKey,
        boolean grpcReflection,
        Path pidfile,
        Path logfile) {
    public static final int DEFAULT_PORT = 3322;
    public static final int DEFAULT_DCB_PORT = 50051;
    public static final int DEFAULT_MAX_RECV_MSG_SIZE = 32 * 1024 * 1024;

    public ServerConfig {
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(dcbDatabase, "dcbDatabase");
        Objects.requireNonNull(adminPassword, "adminPassword");
        requirePort("port", port, false);
        requirePort("dcb-port", dcbPort, true);
        if (dcbApiKey != null && dcbApiKey.isEmpty()) {
            dcbApiKey = null;
        }
        if (dcbAddress != null && dcbAddress.isEmpty()) {
            dcbAddress = null;
        }
        if (adminPassword.isEmpty()) {
            throw new IllegalArgumentException("admin-password is empty");
        }
        if (maxSessions < 1) {
            throw new IllegalArgumentException("max-sessions=" + maxSessions + ", want >= 1");
        }
        requirePositive("session-timeout", sessionTimeout);
        requirePositive("max-session-inactivity-time", maxSessionInactivity);
        requireNonNegative("max-session-age-time", maxSessionAge);
        requirePositive("sessions-guard-check-interval", sessionsGuardInterval);
        requirePositive("token-expiry-time", tokenExpiry);
        if (maxRecvMsgSizeBytes < 4096) {
            throw new IllegalArgumentException("max-recv-msg-size=" + maxRecvMsgSizeBytes + ", want >= 4096");
        }
        if ((certificate == null) != (pkey == null)) {
            throw new IllegalArgumentException("TLS needs both certificate and pkey (certificate=" + certificate
                    + ", pkey=" + pkey + ")");
        }
        if (mtls && (certificate == null || clientcas == null)) {
            throw new IllegalArgumentException("mtls needs certificate, pkey and clientcas (certificate=" + certificate
                    + ", clientcas=" + clientcas + ")");
        }
    }

    /** immudb's defaults: ./data, 0.0.0.0:3322, DCB on 50051 over defaultdb, immudb/immudb, auth on. */
    public static ServerConfig defaults() {
        return builder().build();
    }

    public static ServerConfigBuilder builder() {
        return new ServerConfigBuilder();
    }

    /** A builder starting from this configuration. */
    public ServerConfigBuilder toBuilder() {
        return new ServerConfigBuilder(this);
    }

    /** True if the main port uses TLS. */
    public boolean tls() {
        return certificate != null;
    }

    /** The bind address of the DCB port. */
    public String effectiveDcbAddress() {
        return dcbAddress == null ? address : dcbAddress;
    }

    @Override
    public String toString() {
        return "ServerConfig[dir=" + dir + ", address=" + address + ", port=" + port + ", dcb="
                + effectiveDcbAddress() + ":" + dcbPort + " db=" + dcbDatabase + " apiKey="
                + (dcbApiKey == null ? "none" : "***") + ", auth=" + auth + ", devmode=" + devmode + ", maintenance="
                + maintenance + ", maxSessions=" + maxSessions + ", sessionTimeout=" + sessionTimeout
                + ", maxSessionInactivity=" + maxSessionInactivity + ", maxSessionAge=" + maxSessionAge
                + ", tokenExpiry=" + tokenExpiry + ", maxRecvMsgSize=" + maxRecvMsgSizeBytes + ", tls=" + tls()
                + ", mtls=" + mtls + ", signingKey=" + signingKey + ", grpcReflection=" + grpcReflection + "]";
    }

    private static void requirePort(String name, int value, boolean allowOff) {
        if (value > 65535 || value < (allowOff ? -1 : 0)) {
            throw new IllegalArgumentException(name + "=" + value + ", want 0..65535" + (allowOff ? " or -1" : ""));
        }
    }

    private static void requirePositive(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(name + "=" + d + ", want > 0");
        }
    }

    private static void requireNonNegative(String name, Duration d) {
        Objects.requireNonNull(d, name);
        if (d.isNegative()) {
            throw new IllegalArgumentException(name + "=" + d + ", want >= 0");
        }
    }
}
