package io.veridb.server;

import java.nio.file.Path;
import java.time.Duration;

/** Mutable builder of {@link ServerConfig}; starts from immudb's defaults. Not thread-safe. */
public final class ServerConfigBuilder {
    private Path dir = Path.of("./data");
    private String address = "0.0.0.0";
    private int port = ServerConfig.DEFAULT_PORT;
    private String dcbAddress;
    private int dcbPort = ServerConfig.DEFAULT_DCB_PORT;
    private String dcbDatabase = "defaultdb";
    private String dcbApiKey;
    private String adminPassword = "immudb";
    private boolean forceAdminPassword;
    private boolean auth = true;
    private boolean devmode;
    private boolean maintenance;
    private int maxSessions = 100;
    private Duration sessionTimeout = Duration.ofMinutes(2);
    private Duration maxSessionInactivity = Duration.ofMinutes(3);
    private Duration maxSessionAge = Duration.ZERO;
    private Duration sessionsGuardInterval = Duration.ofMinutes(1);
    private Duration tokenExpiry = Duration.ofMinutes(1440);
    private int maxRecvMsgSizeBytes = ServerConfig.DEFAULT_MAX_RECV_MSG_SIZE;
    private Path certificate;
    private Path pkey;
    private Path clientcas;
    private boolean mtls;
    private Path signingKey;
    private boolean grpcReflection = true;
    private Path pidfile;
    private Path logfile;

    ServerConfigBuilder() {}

    ServerConfigBuilder(ServerConfig c) {
        dir = c.dir();
        address = c.address();
        port = c.port();
        dcbAddress = c.dcbAddress();
        dcbPort = c.dcbPort();
        dcbDatabase = c.dcbDatabase();
        dcbApiKey = c.dcbApiKey();
        adminPassword = c.adminPassword();
        forceAdminPassword = c.forceAdminPassword();
        auth = c.auth();
        devmode = c.devmode();
        maintenance = c.maintenance();
        maxSessions = c.maxSessions();
        sessionTimeout = c.sessionTimeout();
        maxSessionInactivity = c.maxSessionInactivity();
        maxSessionAge = c.maxSessionAge();
        sessionsGuardInterval = c.sessionsGuardInterval();
        tokenExpiry = c.tokenExpiry();
        maxRecvMsgSizeBytes = c.maxRecvMsgSizeBytes();
        certificate = c.certificate();
        pkey = c.pkey();
        clientcas = c.clientcas();
        mtls = c.mtls();
        signingKey = c.signingKey();
        grpcReflection = c.grpcReflection();
        pidfile = c.pidfile();
        logfile = c.logfile();
    }

    public ServerConfig build() {
        return new ServerConfig(dir, address, port, dcbAddress, dcbPort, dcbDatabase, dcbApiKey, adminPassword,
                forceAdminPassword, auth, devmode, maintenance, maxSessions, sessionTimeout, maxSessionInactivity,
                maxSessionAge, sessionsGuardInterval, tokenExpiry, maxRecvMsgSizeBytes, certificate, pkey, clientcas,
                mtls, signingKey, grpcReflection, pidfile, logfile);
    }

    public ServerConfigBuilder dir(Path v) {
        dir = v;
        return this;
    }

    public ServerConfigBuilder address(String v) {
        address = v;
        return this;
    }

    public ServerConfigBuilder port(int v) {
        port = v;
        return this;
    }

    public ServerConfigBuilder dcbAddress(String v) {
        dcbAddress = v;
        return this;
    }

    public ServerConfigBuilder dcbPort(int v) {
        dcbPort = v;
        return this;
    }

    public ServerConfigBuilder dcbDatabase(String v) {
        dcbDatabase = v;
        return this;
    }

    public ServerConfigBuilder dcbApiKey(String v) {
        dcbApiKey = v;
        return this;
    }

    public ServerConfigBuilder adminPassword(String v) {
        adminPassword = v;
        return this;
    }

    public ServerConfigBuilder forceAdminPassword(boolean v) {
        forceAdminPassword = v;
        return this;
    }

    public ServerConfigBuilder auth(boolean v) {
        auth = v;
        return this;
    }

    public ServerConfigBuilder devmode(boolean v) {
        devmode = v;
        return this;
    }

    public ServerConfigBuilder maintenance(boolean v) {
        maintenance = v;
        return this;
    }

    public ServerConfigBuilder maxSessions(int v) {
        maxSessions = v;
        return this;
    }

    public ServerConfigBuilder sessionTimeout(Duration v) {
        sessionTimeout = v;
        return this;
    }

    public ServerConfigBuilder maxSessionInactivity(Duration v) {
        maxSessionInactivity = v;
        return this;
    }

    public ServerConfigBuilder maxSessionAge(Duration v) {
        maxSessionAge = v;
        return this;
    }

    public ServerConfigBuilder sessionsGuardInterval(Duration v) {
        sessionsGuardInterval = v;
        return this;
    }

    public ServerConfigBuilder tokenExpiry(Duration v) {
        tokenExpiry = v;
        return this;
    }

    public ServerConfigBuilder maxRecvMsgSizeBytes(int v) {
        maxRecvMsgSizeBytes = v;
        return this;
    }

    public ServerConfigBuilder certificate(Path v) {
        certificate = v;
        return this;
    }

    public ServerConfigBuilder pkey(Path v) {
        pkey = v;
        return this;
    }

    public ServerConfigBuilder clientcas(Path v) {
        clientcas = v;
        return this;
    }

    public ServerConfigBuilder mtls(boolean v) {
        mtls = v;
        return this;
    }

    public ServerConfigBuilder signingKey(Path v) {
        signingKey = v;
        return this;
    }

    public ServerConfigBuilder grpcReflection(boolean v) {
        grpcReflection = v;
        return this;
    }

    public ServerConfigBuilder pidfile(Path v) {
        pidfile = v;
        return this;
    }

    public ServerConfigBuilder logfile(Path v) {
        logfile = v;
        return this;
    }
}
