package io.veridb.client;

import io.grpc.Channel;
import io.grpc.StatusRuntimeException;
import io.veridb.protocol.umadb.v1.SequencedEvent;
import io.veridb.protocol.veridb.v1.EventProofsGrpc;
import io.veridb.protocol.veridb.v1.EventStateRequest;
import io.veridb.protocol.veridb.v1.ProveEventRequest;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.TimeUnit;

/**
 * Verified reads of DCB events through VeriDB's {@code veridb.v1.EventProofs} service: each event is proven to
 * be the ledger entry it claims to be and consistent with the trusted state of the event database, which is kept
 * in a {@link StateStore} under ({@code trustScope}, database) and moves forward only after a successful check.
 * Used by {@code io.veridb.client.dcb.EventStoreClient}; thread-safe (verifications are serialised).
 *
 * <p>The event-proof service does not sign states, so no signature is checked here.
 */
public final class VerifiedEvents {

    private final EventProofsGrpc.EventProofsBlockingStub stub;
    private final StateStore store;
    private final String trustScope;
    private final Duration timeout;
    private String database;

    private VerifiedEvents(Channel channel, StateStore store, String trustScope, Duration timeout) {
        this.stub = EventProofsGrpc.newBlockingStub(channel);
        this.store = Objects.requireNonNull(store, "store");
        this.trustScope = Objects.requireNonNull(trustScope, "trustScope");
        this.timeout = Objects.requireNonNull(timeout, "timeout");
    }

    /**
     * @param channel a channel to the DCB face (with any API-key interceptor already applied)
     * @param trustScope names the server in the store (for example "dcb:host:port")
     */
    public static VerifiedEvents over(Channel channel, StateStore store, String trustScope, Duration timeout) {
        return new VerifiedEvents(channel, store, trustScope, timeout);
    }

    /**
     * The event at {@code position}, proven against the trusted state.
     *
     * @throws VerificationException if any check fails (the trusted state is then unchanged)
     * @throws VeriClientException if the server refuses (for example a position beyond the head)
     */
    public synchronized SequencedEvent prove(long position) {
        DatabaseState trusted = trusted();
        var proof = call("ProveEvent", () -> stub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
                .proveEvent(ProveEventRequest.newBuilder().setPosition(position).setProveSinceTx(trusted.txId())
                        .build()));
        EventVerifier.Verified v = EventVerifier.verify(trusted, proof, position);
        if (!v.state().database().equals(database)) {
            throw new VerificationException("verifiedEvent " + position + ": database", database,
                    v.state().database());
        }
        if (v.state().txId() < trusted.txId()) {
            throw new IllegalStateException("trusted state would move back from " + trusted.txId() + " to "
                    + v.state().txId());
        }
        if (!v.state().equals(trusted)) {
            store.save(trustScope, v.state());
        }
        return v.event();
    }

    /** The trusted state of the event database (txId 0 before the first verification). */
    public synchronized DatabaseState trustedState() {
        return trusted();
    }

    private DatabaseState trusted() {
        if (database == null) {
            database = call("CurrentState", () -> stub.withDeadlineAfter(timeout.toNanos(), TimeUnit.NANOSECONDS)
                    .currentState(EventStateRequest.getDefaultInstance())).getDb();
        }
        return store.load(trustScope, database).orElse(DatabaseState.empty(database));
    }

    private static <R> R call(String op, java.util.function.Supplier<R> fn) {
        try {
            return fn.get();
        } catch (StatusRuntimeException e) {
            throw ImmuErrors.map(op, e);
        }
    }
}
