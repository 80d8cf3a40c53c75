package io.veridb.server.dcb;

import io.grpc.ServerInterceptors;
import io.grpc.ServerServiceDefinition;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.protobuf.services.HealthStatusManager;
import io.veridb.events.EventStore;
import io.veridb.ledger.Ledger;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The UmaDB-compatible DCB face of one database: umadb.v1.DCB, the legacy umadb.UmaDBService paths, VeriDB's
 * event-proof service (all behind the API key when one is set) and gRPC health (never behind it).
 *
 * <p>Thread-safe. {@link #close()} marks health NOT_SERVING and ends every open Read/Subscribe stream with OK;
 * it does not close the ledger, which the caller owns.
 */
public final class DcbFace implements AutoCloseable {
    private static final int STREAM_THREADS = 4;

    private final EventStore store;
    private final DcbSettings settings;
    private final HealthStatusManager health = new HealthStatusManager();
    private final StreamRegistry streams = new StreamRegistry();
    private final ExecutorService streamExecutor;
    private final DcbHandlers handlers;
    private final EventProofsService proofs;

    private DcbFace(Ledger ledger, DcbSettings settings) {
        this.settings = settings;
        this.store = EventStore.open(ledger);
        this.streamExecutor = new ThreadPoolExecutor(STREAM_THREADS, STREAM_THREADS, 30, TimeUnit.SECONDS,
                new LinkedBlockingQueue<>(), threads("dcb-stream-" + settings.databaseName()));
        ((ThreadPoolExecutor) streamExecutor).allowCoreThreadTimeOut(true);
        this.handlers = new DcbHandlers(store, streamExecutor, streams);
        this.proofs = new EventProofsService(ledger, store, settings.databaseName());
        health.setStatus("", ServingStatus.SERVING);
        health.setStatus(DcbServiceDefinitions.V1, ServingStatus.SERVING);
    }

    /** Builds the face over an open ledger that has {@link io.veridb.events.EventIndexes} registered. */
    public static DcbFace create(Ledger ledger, DcbSettings settings) {
        return new DcbFace(ledger, settings);
    }

    /** The services to register on a gRPC server. */
    public List<ServerServiceDefinition> services() {
        List<ServerServiceDefinition> out = new ArrayList<>();
        out.add(guarded(DcbServiceDefinitions.v1(handlers)));
        out.add(guarded(DcbServiceDefinitions.legacy(handlers)));
        out.add(guarded(proofs.bindService()));
        out.add(health.getHealthService().bindService());
        return List.copyOf(out);
    }

    /** The event store behind the face (for the server core and tests). */
    public EventStore store() {
        return store;
    }

    /** The API key (when set) is checked first, then the optional database header. */
    private ServerServiceDefinition guarded(ServerServiceDefinition service) {
        ServerServiceDefinition named = ServerInterceptors.intercept(service,
                new DatabaseInterceptor(settings.databaseName()));
        if (settings.apiKey() == null) {
            return named;
        }
        return ServerInterceptors.intercept(named, new ApiKeyInterceptor(settings.apiKey()));
    }

    @Override
    public void close() {
        health.enterTerminalState();
        streams.closeAll();
        stop(streamExecutor);
        store.close();
    }

    private static void stop(ExecutorService executor) {
        executor.shutdown();
        try {
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            executor.shutdownNow();
        }
    }

    private static ThreadFactory threads(String prefix) {
        AtomicInteger n = new AtomicInteger();
        return r -> {
            Thread t = new Thread(r, prefix + "-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
