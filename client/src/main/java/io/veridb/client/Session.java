package io.veridb.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.veridb.protocol.immudb.OpenSessionRequest;
import io.veridb.protocol.immudb.OpenSessionResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An immudb session: {@code OpenSession}, a {@code KeepAlive} every {@code keepAlive} on one named daemon thread
 * (the server drops sessions idle for 2 minutes by default), and {@code CloseSession} on close.
 */
final class Session implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Session.class);

    private final ImmuRpc rpc;
    private final String id;
    private final String serverUuid;
    private final ScheduledExecutorService keepAliveTimer;

    private Session(ImmuRpc rpc, String id, String serverUuid, ScheduledExecutorService timer) {
        this.rpc = rpc;
        this.id = id;
        this.serverUuid = serverUuid;
        this.keepAliveTimer = timer;
    }

    /**
     * Opens a session and starts its keep-alive timer.
     *
     * @throws VerificationException if the server's {@code immudb-uuid} header disagrees with
     *     {@code OpenSessionResponse.serverUUID}, or the UUID is empty
     */
    static Session open(ImmuRpc rpc, String address, String user, byte[] password, String database,
            Duration keepAlive) {
        ImmuRpc.Result<OpenSessionResponse> r = rpc.callWithIdentity("OpenSession", s -> s.openSession(
                OpenSessionRequest.newBuilder()
                        .setUsername(ByteString.copyFromUtf8(user))
                        .setPassword(ByteString.copyFrom(password))
                        .setDatabaseName(database)
                        .build()));
        String uuid = r.value().getServerUUID();
        if (uuid.isEmpty() || (r.serverUuid() != null && !r.serverUuid().equals(uuid))) {
            throw new VerificationException("OpenSession: server uuid", "non-empty, equal to immudb-uuid header "
                    + r.serverUuid(), "'" + uuid + "'");
        }
        rpc.sessionId(r.value().getSessionID());
        ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread t = new Thread(runnable, "veridb-keepalive-" + address);
            t.setDaemon(true);
            return t;
        });
        Session session = new Session(rpc, r.value().getSessionID(), uuid, timer);
        long period = keepAlive.toMillis();
        timer.scheduleWithFixedDelay(session::keepAlive, period, period, TimeUnit.MILLISECONDS);
        LOG.debug("opened session on {} (server {}, database {})", address, uuid, database);
        return session;
    }

    String serverUuid() {
        return serverUuid;
    }

    String id() {
        return id;
    }

    private void keepAlive() {
        try {
            rpc.call("KeepAlive", s -> s.keepAlive(Empty.getDefaultInstance()));
        } catch (RuntimeException e) {
            LOG.warn("session keep-alive failed: {}", e.getMessage());
        }
    }

    /** Stops the timer and closes the session on the server; a failure to close is logged, not thrown. */
    @Override
    public void close() {
        // shutdown() cancels the next keep-alives but lets one in flight finish: were it interrupted, the server
        // could still handle it after CloseSession and answer "session not found"
        keepAliveTimer.shutdown();
        try {
            if (!keepAliveTimer.awaitTermination(5, java.util.concurrent.TimeUnit.SECONDS)) {
                LOG.warn("keep-alive still running after 5 s; closing the session anyway");
                keepAliveTimer.shutdownNow();
            }
        } catch (InterruptedException e) {
            keepAliveTimer.shutdownNow();
            Thread.currentThread().interrupt();
        }
        try {
            rpc.call("CloseSession", s -> s.closeSession(Empty.getDefaultInstance()));
        } catch (RuntimeException e) {
            LOG.warn("closing session failed: {}", e.getMessage());
        } finally {
            rpc.sessionId(null);
        }
    }
}
