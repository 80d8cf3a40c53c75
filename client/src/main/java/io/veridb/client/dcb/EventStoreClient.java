package io.veridb.client.dcb;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ChannelCredentials;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ClientInterceptors;
import io.grpc.ForwardingClientCall;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.veridb.client.DatabaseState;
import io.veridb.client.MemoryStateStore;
import io.veridb.client.StateStore;
import io.veridb.client.VerificationException;
import io.veridb.client.VerifiedEvents;
import io.veridb.protocol.umadb.v1.AppendRequest;
import io.veridb.protocol.umadb.v1.DCBGrpc;
import io.veridb.protocol.umadb.v1.HeadRequest;
import io.veridb.protocol.umadb.v1.HeadResponse;
import io.veridb.protocol.umadb.v1.ReadRequest;
import io.veridb.protocol.umadb.v1.ReadResponse;
import io.veridb.protocol.umadb.v1.SubscribeRequest;
import io.veridb.protocol.umadb.v1.SubscribeResponse;
import io.veridb.protocol.umadb.v1.TrackingRequest;
import io.veridb.protocol.umadb.v1.TrackingResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * A client of the DCB event store API ({@code umadb.v1.DCB}) of VeriDB or UmaDB. Thread-safe; close it to shut
 * the channel down.
 *
 * <p>{@link #read} and {@link #subscribe} return events as received. {@link #verifiedEvent} and {@link #verify}
 * prove single events through VeriDB's {@code veridb.v1.EventProofs} service against a trusted state.
 */
public final class EventStoreClient implements AutoCloseable {

    static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);

    private final ManagedChannel channel;
    private final DCBGrpc.DCBBlockingStub stub;
    private final Duration callTimeout;
    private final VerifiedEvents verified;

    private EventStoreClient(ManagedChannel channel, String apiKey, Duration callTimeout, StateStore store,
            String trustScope) {
        this.channel = channel;
        this.callTimeout = callTimeout;
        Channel authorized = apiKey == null ? channel : ClientInterceptors.intercept(channel, new BearerKey(apiKey));
        this.stub = DCBGrpc.newBlockingStub(authorized);
        this.verified = VerifiedEvents.over(authorized, store, trustScope, callTimeout);
    }

    /** A builder; defaults: {@code localhost:50051}, plaintext, no API key, 60 s per unary call. */
    public static Builder builder() {
        return new Builder();
    }

    /** Appends {@code events} unconditionally; returns the position of the last one (0 for no events). */
    public long append(List<DcbEvent> events) {
        return append(events, Optional.empty(), Optional.empty());
    }

    /** Appends {@code events} unless {@code condition} matches; {@link IntegrityException} if it does. */
    public long append(List<DcbEvent> events, AppendCondition condition) {
        return append(events, Optional.of(condition), Optional.empty());
    }

    /**
     * Appends {@code events} atomically with an optional condition and tracking position.
     *
     * @return the position of the last appended event (for an idempotent retry, of the events already there)
     * @throws IntegrityException if the condition matched or the tracking position did not increase
     */
    public long append(List<DcbEvent> events, Optional<AppendCondition> condition, Optional<TrackingInfo> tracking) {
        AppendRequest.Builder b = AppendRequest.newBuilder();
        events.forEach(e -> b.addEvents(DcbProtos.event(e)));
        condition.ifPresent(c -> b.setCondition(DcbProtos.condition(c)));
        tracking.ifPresent(t -> b.setTrackingInfo(DcbProtos.trackingInfo(t)));
        return unary(s -> s.append(b.build())).getPosition();
    }

    /** All events matching {@code query}, oldest first, up to the head at the start of the read. */
    public EventStream read(DcbQuery query) {
        return read(query, OptionalLong.empty(), false, OptionalInt.empty());
    }

    /**
     * Events matching {@code query}.
     *
     * @param start first position (inclusive; the upper bound when {@code backwards}); empty = from the first (or
     *     last) event
     * @param backwards newest first
     * @param limit at most this many events; empty = no limit
     */
    public EventStream read(DcbQuery query, OptionalLong start, boolean backwards, OptionalInt limit) {
        ReadRequest.Builder b = ReadRequest.newBuilder().setQuery(DcbProtos.query(query));
        start.ifPresent(b::setStart);
        if (backwards) {
            b.setBackwards(true);
        }
        limit.ifPresent(b::setLimit);
        ReadRequest request = b.build();
        return EventStream.start(() -> map(stub.read(request), EventStoreClient::batch));
    }

    /**
     * Events matching {@code query} after position {@code after} (exclusive; empty = from the first), then new
     * ones as they are committed, until the stream is closed.
     */
    public EventStream subscribe(DcbQuery query, OptionalLong after) {
        SubscribeRequest.Builder b = SubscribeRequest.newBuilder().setQuery(DcbProtos.query(query));
        after.ifPresent(b::setAfter);
        SubscribeRequest request = b.build();
        return EventStream.start(() -> map(stub.subscribe(request), EventStoreClient::batch));
    }

    /** The position of the last event; empty for an empty store. */
    public OptionalLong head() {
        HeadResponse r = unary(s -> s.head(HeadRequest.getDefaultInstance()));
        return r.hasPosition() ? OptionalLong.of(r.getPosition()) : OptionalLong.empty();
    }

    /** The last tracking position recorded for {@code source}; empty if none. */
    public OptionalLong getTrackingInfo(String source) {
        TrackingResponse r = unary(s -> s.getTrackingInfo(TrackingRequest.newBuilder().setSource(source).build()));
        return r.hasPosition() ? OptionalLong.of(r.getPosition()) : OptionalLong.empty();
    }

    /**
     * The event at {@code position}, proven through VeriDB's {@code veridb.v1.EventProofs} service: it is the
     * ledger entry it claims to be and its transaction is consistent with the trusted state of the event database
     * (which then moves forward). Only VeriDB servers offer this.
     *
     * @throws VerificationException if a check fails; the trusted state is unchanged
     */
    public SequencedEvent verifiedEvent(long position) {
        return DcbProtos.sequenced(verified.prove(position));
    }

    /**
     * Proves an event obtained from {@link #read} or {@link #subscribe} and checks it is exactly what the ledger
     * holds at its position.
     *
     * @return {@code event}
     * @throws VerificationException if the proof fails or the ledger holds another event there
     */
    public SequencedEvent verify(SequencedEvent event) {
        SequencedEvent proven = verifiedEvent(event.position());
        if (!proven.equals(event)) {
            throw new VerificationException("verify event " + event.position() + ": equals the proven event",
                    proven.toString(), event.toString());
        }
        return event;
    }

    /** The trusted state of the event database used by {@link #verifiedEvent} (txId 0 before first use). */
    public DatabaseState trustedEventState() {
        return verified.trustedState();
    }

    @Override
    public void close() {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private <R> R unary(Function<DCBGrpc.DCBBlockingStub, R> call) {
        try {
            return call.apply(stub.withDeadlineAfter(callTimeout.toNanos(), TimeUnit.NANOSECONDS));
        } catch (StatusRuntimeException e) {
            throw DcbErrors.map(e);
        }
    }

    private static EventStream.Batch batch(ReadResponse r) {
        return new EventStream.Batch(DcbProtos.sequenced(r.getEventsList()),
                r.hasHead() ? OptionalLong.of(r.getHead()) : OptionalLong.empty());
    }

    private static EventStream.Batch batch(SubscribeResponse r) {
        return new EventStream.Batch(DcbProtos.sequenced(r.getEventsList()), OptionalLong.empty());
    }

    private static <A, B> Iterator<B> map(Iterator<A> in, Function<A, B> f) {
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return in.hasNext();
            }

            @Override
            public B next() {
                return f.apply(in.next());
            }
        };
    }

    /** Sends {@code authorization: Bearer <key>} on every call. */
    private static final class BearerKey implements ClientInterceptor {
        private final String value;

        BearerKey(String key) {
            this.value = "Bearer " + key;
        }

        @Override
        public <Q, S> ClientCall<Q, S> interceptCall(MethodDescriptor<Q, S> method, CallOptions options, Channel next) {
            return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                @Override
                public void start(Listener<S> listener, Metadata headers) {
                    headers.put(AUTHORIZATION, value);
                    super.start(listener, headers);
                }
            };
        }
    }

    /** Options of an {@link EventStoreClient}. Not thread-safe. */
    public static final class Builder {
        private String address = "localhost:50051";
        private boolean tls;
        private Path caFile;
        private String apiKey;
        private boolean allowPlaintextKey;
        private Duration callTimeout = Duration.ofSeconds(60);
        private ManagedChannel channel;
        private StateStore stateStore;
        private String trustScope;

        private Builder() {}

        /**
         * Where the trusted state of verified reads is kept (default: in memory), under {@code trustScope} (default
         * {@code "dcb:" + address}).
         */
        public Builder stateStore(StateStore store, String scope) {
            this.stateStore = Objects.requireNonNull(store, "store");
            this.trustScope = Objects.requireNonNull(scope, "scope");
            return this;
        }

        /** The server as {@code host:port}. */
        public Builder address(String hostPort) {
            this.address = Objects.requireNonNull(hostPort, "hostPort");
            return this;
        }

        /** Use TLS, trusting the system's root certificates. */
        public Builder tls() {
            this.tls = true;
            return this;
        }

        /** Use TLS, trusting the PEM certificates in {@code caFile}. */
        public Builder tls(Path caFile) {
            this.tls = true;
            this.caFile = Objects.requireNonNull(caFile, "caFile");
            return this;
        }

        /** Send {@code authorization: Bearer <key>}; requires TLS unless {@link #allowApiKeyWithoutTls()}. */
        public Builder apiKey(String key) {
            this.apiKey = Objects.requireNonNull(key, "key");
            return this;
        }

        /** Permit an API key over plaintext (for local tests; the key is then visible on the network). */
        public Builder allowApiKeyWithoutTls() {
            this.allowPlaintextKey = true;
            return this;
        }

        /** Deadline of each unary call (reads and subscriptions have none). */
        public Builder callTimeout(Duration timeout) {
            if (timeout.isNegative() || timeout.isZero()) {
                throw new IllegalArgumentException("callTimeout=" + timeout + ", want > 0");
            }
            this.callTimeout = timeout;
            return this;
        }

        /** Use an existing channel (for example in-process); the client shuts it down on close. */
        public Builder channel(ManagedChannel existing) {
            this.channel = Objects.requireNonNull(existing, "existing");
            return this;
        }

        /** Creates the client (connections are made lazily on the first call). */
        public EventStoreClient build() {
            if (apiKey != null && !tls && channel == null && !allowPlaintextKey) {
                throw new IllegalStateException("an API key needs TLS (or allowApiKeyWithoutTls()) for address "
                        + address);
            }
            ManagedChannel ch = channel != null ? channel : Grpc.newChannelBuilder(address, credentials()).build();
            return new EventStoreClient(ch, apiKey, callTimeout,
                    stateStore != null ? stateStore : new MemoryStateStore(),
                    trustScope != null ? trustScope : "dcb:" + address);
        }

        private ChannelCredentials credentials() {
            if (!tls) {
                return InsecureChannelCredentials.create();
            }
            if (caFile == null) {
                return TlsChannelCredentials.create();
            }
            try {
                return TlsChannelCredentials.newBuilder().trustManager(caFile.toFile()).build();
            } catch (IOException e) {
                throw new UncheckedIOException("cannot read CA file " + caFile, e);
            }
        }
    }
}
