package io.veridb.server;

import io.grpc.Server;
import io.grpc.ServerServiceDefinition;
import io.grpc.netty.shaded.io.grpc.netty.NettyServerBuilder;
import io.grpc.netty.shaded.io.netty.handler.ssl.SslContext;
import io.grpc.protobuf.services.ProtoReflectionService;
import io.veridb.events.EventIndexes;
import io.veridb.ledger.SecondaryIndex;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.server.auth.Authenticator;
import io.veridb.server.auth.PasswordHasher;
import io.veridb.server.auth.SessionManager;
import io.veridb.server.auth.SessionSettings;
import io.veridb.server.auth.TokenManager;
import io.veridb.server.auth.User;
import io.veridb.server.auth.UserAdmin;
import io.veridb.server.auth.Users;
import io.veridb.server.db.DatabaseManager;
import io.veridb.server.db.DatabaseNames;
import io.veridb.server.dcb.DcbFace;
import io.veridb.server.dcb.DcbSettings;
import io.veridb.server.identity.ServerIdentity;
import io.veridb.server.immu.ImmuContext;
import io.veridb.server.immu.ImmuFace;
import io.veridb.server.immu.kv.StateSigner;
import io.veridb.server.signing.EcdsaStateSigner;
import io.veridb.server.tls.ServerTls;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A running VeriDB server: the immudb face ({@code immudb.schema.ImmuService}) plus the DCB face on the main port,
 * and the DCB face alone on the DCB port. Start with {@link #start}, stop with {@link #close} (also run on SIGTERM).
 * Thread-safe.
 */
public final class VeriDbServer implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(VeriDbServer.class);

    /** grpc-java refuses client pings more frequent than this; UmaDB clients ping every 5 s. */
    private static final long PERMIT_KEEPALIVE_SECONDS = 4;

    private final ServerConfig config;
    private final ServerIdentity identity;
    private final DatabaseManager databases;
    private final SessionManager sessions;
    private final TokenManager tokens;
    private final ScheduledExecutorService guard;
    private final DcbFace dcb;
    private final Server main;
    private final Server dcbServer;
    private final CallExecutors executors;
    private final Thread shutdownHook;
    private final Runnable detachLogFile;
    private boolean closed;

    private VeriDbServer(Parts p, Runnable detachLogFile) {
        this.detachLogFile = detachLogFile;
        this.config = p.config;
        this.identity = p.identity;
        this.databases = p.databases;
        this.sessions = p.sessions;
        this.tokens = p.tokens;
        this.guard = p.guard;
        this.dcb = p.dcb;
        this.main = p.main;
        this.dcbServer = p.dcbServer;
        this.executors = p.executors;
        this.shutdownHook = new Thread(this::close, "veridb-shutdown");
    }

    /** The pieces built by {@link #start}, so that a failed start can release what it already opened. */
    private static final class Parts implements AutoCloseable {
        ServerConfig config;
        ServerIdentity identity;
        DatabaseManager databases;
        SessionManager sessions;
        TokenManager tokens;
        ScheduledExecutorService guard;
        DcbFace dcb;
        Server main;
        Server dcbServer;
        CallExecutors executors;

        @Override
        public void close() {
            if (dcb != null) {
                dcb.close();
            }
            for (Server s : new Server[] {main, dcbServer}) {
                if (s != null) {
                    s.shutdownNow();
                }
            }
            if (guard != null) {
                guard.shutdownNow();
            }
            if (executors != null) {
                executors.close();
            }
            if (databases != null) {
                databases.close();
            }
        }
    }

    /**
     * Opens (or creates) the data directory, the system and user databases, and starts listening.
     *
     * @throws IOException if the data directory, a key or certificate file, or a port cannot be used
     */
    public static VeriDbServer start(ServerConfig config) throws IOException {
        Runnable detachLogFile = LogFiles.apply(config.logfile());
        Parts p = new Parts();
        p.config = config;
        try {
            build(p);
        } catch (IOException | RuntimeException e) {
            p.close();
            detachLogFile.run();
            throw e;
        }
        VeriDbServer server = new VeriDbServer(p, detachLogFile);
        Runtime.getRuntime().addShutdownHook(server.shutdownHook);
        server.writePidFile();
        LOG.info("VeriDB listening on {}:{}{} (uuid {}, data {}, DCB {})", config.address(),
                server.port(), config.tls() ? (config.mtls() ? " with mTLS" : " with TLS") : "", server.uuid(),
                config.dir().toAbsolutePath().normalize(),
                server.dcbPort() < 0 ? "port off" : "port " + server.dcbPort());
        return server;
    }

    private static void build(Parts p) throws IOException {
        ServerConfig c = p.config;
        Clock clock = Clock.systemUTC();
        p.identity = ServerIdentity.loadOrCreate(c.dir());
        p.databases = DatabaseManager.open(c.dir(), VeriDbServer::eventIndexes, clock);
        Users users = new Users(p.databases.userStore(), new PasswordHasher(), clock);
        users.bootstrapAdmin(c.adminPassword(), c.forceAdminPassword());
        p.sessions = new SessionManager(new SessionSettings(c.maxSessions(), c.sessionTimeout(),
                c.maxSessionInactivity(), c.maxSessionAge(), c.sessionsGuardInterval()), System::nanoTime);
        p.tokens = new TokenManager(c.tokenExpiry(), System::nanoTime);
        SessionManager sessions = p.sessions;
        TokenManager tokens = p.tokens;
        UserAdmin userAdmin = new UserAdmin(users, p.databases::exists, user -> {
            sessions.closeAllOf(user);
            tokens.revokeAllOf(user);
        });
        StateSigner signer = c.signingKey() == null ? StateSigner.NONE : EcdsaStateSigner.load(c.signingKey());
        ImmuContext ctx = new ImmuContext(p.identity.uuid(), c.auth(), c.maintenance(), c.devmode(), users,
                userAdmin, sessions, tokens, new Authenticator(users, sessions, tokens, c.auth()), p.databases, signer,
                clock.instant());
        p.dcb = startDcbFace(c, p.databases);
        p.guard = startGuard(c, sessions, tokens);

        List<ServerServiceDefinition> mainServices = new ArrayList<>();
        mainServices.add(ImmuFace.service(ctx));
        mainServices.addAll(p.dcb.services());
        if (c.grpcReflection()) {
            mainServices.add(ProtoReflectionService.newInstance().bindService());
        }
        p.executors = new CallExecutors();
        SslContext tls = c.tls() ? ServerTls.context(c.certificate(), c.pkey(), c.clientcas(), c.mtls()) : null;
        p.main = listen(p.executors, c.address(), c.port(), c.maxRecvMsgSizeBytes(), tls, mainServices, "main");
        if (c.dcbPort() >= 0) {
            SslContext dcbTls = c.tls() ? ServerTls.context(c.certificate(), c.pkey(), null, false) : null;
            p.dcbServer = listen(p.executors, c.effectiveDcbAddress(), c.dcbPort(), c.maxRecvMsgSizeBytes(), dcbTls,
                    p.dcb.services(), "DCB");
        }
    }

    /** Fresh DCB event indexes for each ledger (every database can serve the DCB face). */
    private static List<SecondaryIndex> eventIndexes() {
        return EventIndexes.secondaryIndexes();
    }

    /** The DCB face over {@code dcb-database}, created (with default settings) and loaded if need be. */
    private static DcbFace startDcbFace(ServerConfig c, DatabaseManager databases) throws IOException {
        String name = DatabaseNames.normalize(c.dcbDatabase());
        if (DatabaseNames.SYSTEM_DB.equals(name)) {
            throw new IllegalArgumentException("dcb-database must not be systemdb");
        }
        if (!databases.exists(name)) {
            DatabaseNames.check(name);
            databases.create(name, DatabaseNullableSettings.getDefaultInstance(), true, User.SYSADMIN_NAME);
        }
        if (!databases.isLoaded(name)) {
            databases.load(name);
        }
        databases.pin(name);
        return DcbFace.create(databases.get(name).ledger(), new DcbSettings(name, c.dcbApiKey()));
    }

    private static ScheduledExecutorService startGuard(ServerConfig c, SessionManager sessions, TokenManager tokens) {
        ScheduledExecutorService guard = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "veridb-session-guard");
            t.setDaemon(true);
            return t;
        });
        long every = c.sessionsGuardInterval().toMillis();
        guard.scheduleWithFixedDelay(() -> {
            int expired = sessions.expire();
            int purged = tokens.purge();
            if (expired > 0 || purged > 0) {
                LOG.debug("session guard: closed {} idle session(s), forgot {} expired token(s)", expired, purged);
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return guard;
    }

    private static Server listen(CallExecutors executors, String address, int port, int maxInbound, SslContext tls,
            List<ServerServiceDefinition> services, String what) throws IOException {
        NettyServerBuilder b = NettyServerBuilder.forAddress(new InetSocketAddress(address, port))
                .maxInboundMessageSize(maxInbound)
                .permitKeepAliveTime(PERMIT_KEEPALIVE_SECONDS, TimeUnit.SECONDS)
                .permitKeepAliveWithoutCalls(true)
                .directExecutor()
                .callExecutor(executors);
        if (tls != null) {
            b.sslContext(tls);
        }
        services.forEach(b::addService);
        try {
            return b.build().start();
        } catch (IOException e) {
            throw new IOException("cannot listen on " + address + ":" + port + " (" + what + " port): "
                    + e.getMessage(), e);
        }
    }

    /** The bound main port (the immudb port; useful when configured as 0). */
    public int port() {
        return main.getPort();
    }

    /** The bound DCB-only port, or -1 if it is off. */
    public int dcbPort() {
        return dcbServer == null ? -1 : dcbServer.getPort();
    }

    /** The persistent server identity (xid string) sent as {@code immudb-uuid}. */
    public String uuid() {
        return identity.uuid();
    }

    /** The configuration the server runs with. */
    public ServerConfig config() {
        return config;
    }

    /**
     * Stops the server: ends DCB subscriptions, stops accepting calls and waits up to 5 s for running ones, then
     * closes every database. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        LOG.info("VeriDB shutting down");
        dcb.close();
        main.shutdown();
        if (dcbServer != null) {
            dcbServer.shutdown();
        }
        awaitQuietly(main);
        if (dcbServer != null) {
            awaitQuietly(dcbServer);
        }
        guard.shutdownNow();
        executors.close();
        databases.close();
        deletePidFile();
        if (Thread.currentThread() != shutdownHook) {
            try {
                Runtime.getRuntime().removeShutdownHook(shutdownHook);
            } catch (IllegalStateException e) {
                // The JVM is already shutting down; the hook has run or will find the server closed.
            }
        }
        LOG.info("VeriDB stopped");
        detachLogFile.run();
    }

    /** Blocks until the server has shut down. */
    public void awaitTermination() throws InterruptedException {
        main.awaitTermination();
        if (dcbServer != null) {
            dcbServer.awaitTermination();
        }
    }

    private static void awaitQuietly(Server s) {
        try {
            if (!s.awaitTermination(5, TimeUnit.SECONDS)) {
                s.shutdownNow();
                s.awaitTermination(5, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            s.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private void writePidFile() throws IOException {
        if (config.pidfile() != null) {
            Files.writeString(config.pidfile(), ProcessHandle.current().pid() + "\n", StandardCharsets.US_ASCII);
        }
    }

    private void deletePidFile() {
        if (config.pidfile() != null) {
            try {
                Files.deleteIfExists(config.pidfile());
            } catch (IOException e) {
                LOG.warn("cannot delete pid file {}", config.pidfile(), e);
            }
        }
    }
}
