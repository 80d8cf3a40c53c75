package io.veridb.client.dcb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.veridb.protocol.umadb.v1.AppendRequest;
import io.veridb.protocol.umadb.v1.AppendResponse;
import io.veridb.protocol.umadb.v1.DCBGrpc;
import io.veridb.protocol.umadb.v1.ErrorResponse;
import io.veridb.protocol.umadb.v1.Event;
import io.veridb.protocol.umadb.v1.HeadRequest;
import io.veridb.protocol.umadb.v1.HeadResponse;
import io.veridb.protocol.umadb.v1.ReadRequest;
import io.veridb.protocol.umadb.v1.ReadResponse;
import io.veridb.protocol.umadb.v1.SubscribeRequest;
import io.veridb.protocol.umadb.v1.SubscribeResponse;
import io.veridb.protocol.umadb.v1.TrackingRequest;
import io.veridb.protocol.umadb.v1.TrackingResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventStoreClientTest {

    /** A DCB service over a list, enough to exercise the client's mapping of every RPC. */
    static final class FakeDcb extends DCBGrpc.DCBImplBase {
        final List<io.veridb.protocol.umadb.v1.SequencedEvent> events = new CopyOnWriteArrayList<>();
        final List<AppendRequest> appends = new CopyOnWriteArrayList<>();
        final List<ReadRequest> reads = new CopyOnWriteArrayList<>();
        final CountDownLatch subscriptionCancelled = new CountDownLatch(1);
        volatile io.grpc.StatusRuntimeException failAppendWith;

        @Override
        public void append(AppendRequest request, StreamObserver<AppendResponse> out) {
            appends.add(request);
            if (failAppendWith != null) {
                out.onError(failAppendWith);
                return;
            }
            for (Event e : request.getEventsList()) {
                events.add(io.veridb.protocol.umadb.v1.SequencedEvent.newBuilder()
                        .setPosition(events.size() + 1).setEvent(e).build());
            }
            out.onNext(AppendResponse.newBuilder().setPosition(events.size()).build());
            out.onCompleted();
        }

        @Override
        public void read(ReadRequest request, StreamObserver<ReadResponse> out) {
            reads.add(request);
            long head = events.size();
            List<io.veridb.protocol.umadb.v1.SequencedEvent> matching = new ArrayList<>(events);
            if (matching.isEmpty()) {
                ReadResponse.Builder empty = ReadResponse.newBuilder();
                if (head > 0) {
                    empty.setHead(head);
                }
                out.onNext(empty.build());
            }
            for (int i = 0; i < matching.size(); i += 2) {
                out.onNext(ReadResponse.newBuilder()
                        .addAllEvents(matching.subList(i, Math.min(i + 2, matching.size())))
                        .setHead(head).build());
            }
            out.onCompleted();
        }

        @Override
        public void subscribe(SubscribeRequest request, StreamObserver<SubscribeResponse> out) {
            ServerCallStreamObserver<SubscribeResponse> so = (ServerCallStreamObserver<SubscribeResponse>) out;
            so.setOnCancelHandler(subscriptionCancelled::countDown);
            long after = request.hasAfter() ? request.getAfter() : 0;
            SubscribeResponse.Builder b = SubscribeResponse.newBuilder();
            for (var e : events) {
                if (e.getPosition() > after) {
                    b.addEvents(e);
                }
            }
            so.onNext(b.build());
        }

        @Override
        public void head(HeadRequest request, StreamObserver<HeadResponse> out) {
            HeadResponse.Builder b = HeadResponse.newBuilder();
            if (!events.isEmpty()) {
                b.setPosition(events.size());
            }
            out.onNext(b.build());
            out.onCompleted();
        }

        @Override
        public void getTrackingInfo(TrackingRequest request, StreamObserver<TrackingResponse> out) {
            TrackingResponse.Builder b = TrackingResponse.newBuilder();
            if (request.getSource().equals("known")) {
                b.setPosition(0);
            }
            out.onNext(b.build());
            out.onCompleted();
        }
    }

    private final FakeDcb fake = new FakeDcb();
    private final List<String> authorizations = new CopyOnWriteArrayList<>();
    private Server server;
    private EventStoreClient client;

    @BeforeEach
    void start() throws Exception {
        String name = InProcessServerBuilder.generateName();
        ServerInterceptor capture = new ServerInterceptor() {
            @Override
            public <Q, S> ServerCall.Listener<Q> interceptCall(ServerCall<Q, S> call, Metadata headers,
                    ServerCallHandler<Q, S> next) {
                String auth = headers.get(EventStoreClient.AUTHORIZATION);
                authorizations.add(auth == null ? "" : auth);
                return next.startCall(call, headers);
            }
        };
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(fake, capture)).build().start();
        client = EventStoreClient.builder().channel(InProcessChannelBuilder.forName(name).build())
                .apiKey("secret").build();
    }

    @AfterEach
    void stop() {
        client.close();
        server.shutdownNow();
    }

    private static DcbEvent event(String type, String... tags) {
        return DcbEvent.of(type, List.of(tags), type.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void appendSendsConditionAndTrackingWithPresenceAndReturnsPosition() {
        UUID id = UUID.fromString("6f1c2b7e-0d7a-4c33-9a55-1f0c8e2b9d11");
        long pos = client.append(List.of(event("Opened", "acct:1").withUuid(id).withMetadata(Map.of("by", "me")),
                event("Deposited", "acct:1")), Optional.of(AppendCondition.failIfMatch(
                        DcbQuery.of(DcbQueryItem.tags("acct:1")), 0)), Optional.of(new TrackingInfo("up", 7)));
        assertThat(pos).isEqualTo(2);
        AppendRequest sent = fake.appends.get(0);
        assertThat(sent.getEvents(0).getUuid()).isEqualTo(id.toString());
        assertThat(sent.getEvents(0).getMetadata(0).getKey()).isEqualTo("by");
        assertThat(sent.getCondition().hasAfter()).isTrue();
        assertThat(sent.getCondition().getAfter()).isZero();
        assertThat(sent.getCondition().getFailIfEventsMatch().getItems(0).getTagsList()).containsExactly("acct:1");
        assertThat(sent.getTrackingInfo().getPosition()).isEqualTo(7);
        assertThat(client.append(List.of(event("X")))).isEqualTo(3);
        assertThat(fake.appends.get(1).hasCondition()).isFalse();
        assertThat(fake.appends.get(1).hasTrackingInfo()).isFalse();
        assertThat(authorizations).allMatch("Bearer secret"::equals);
    }

    @Test
    void readIteratesAllBatchesAndKnowsTheHead() {
        for (int i = 0; i < 5; i++) {
            client.append(List.of(event("E" + i, "t")));
        }
        try (EventStream s = client.read(DcbQuery.all(), OptionalLong.of(1), true, OptionalInt.of(10))) {
            assertThat(s.head()).hasValue(5);
            List<Long> positions = new ArrayList<>();
            s.forEachRemaining(e -> positions.add(e.position()));
            assertThat(positions).containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(s.hasNext()).isFalse();
        }
        ReadRequest sent = fake.reads.get(0);
        assertThat(sent.hasStart()).isTrue();
        assertThat(sent.getBackwards()).isTrue();
        assertThat(sent.getLimit()).isEqualTo(10);
        client.read(DcbQuery.of(DcbQueryItem.types("E1"))).forEachRemaining(e -> { });
        assertThat(fake.reads.get(1).hasStart()).isFalse();
        assertThat(fake.reads.get(1).hasLimit()).isFalse();
        assertThat(fake.reads.get(1).getQuery().getItems(0).getTypesList()).containsExactly("E1");
    }

    @Test
    void emptyReadHasNoEventsAndAnEmptyHeadOnAnEmptyStore() {
        try (EventStream s = client.read(DcbQuery.all())) {
            assertThat(s.hasNext()).isFalse();
            assertThat(s.head()).isEmpty();
        }
        assertThat(client.head()).isEmpty();
        client.append(List.of(event("A")));
        assertThat(client.head()).hasValue(1);
    }

    @Test
    void trackingInfoTellsAbsentFromZero() {
        assertThat(client.getTrackingInfo("known")).hasValue(0);
        assertThat(client.getTrackingInfo("unknown")).isEmpty();
    }

    @Test
    void subscriptionDeliversEventsAndCanBeCancelled() throws Exception {
        client.append(List.of(event("A"), event("B"), event("C")));
        EventStream s = client.subscribe(DcbQuery.all(), OptionalLong.of(1));
        assertThat(s.next().position()).isEqualTo(2);
        assertThat(s.next().event().type()).isEqualTo("C");
        s.close();
        assertThat(s.hasNext()).isFalse();
        assertThat(fake.subscriptionCancelled.await(30, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void errorResponseInTrailerBecomesTypedException() {
        Metadata trailers = new Metadata();
        trailers.put(DcbErrors.DETAILS, ErrorResponse.newBuilder()
                .setMessage("integrity error: condition failed: event at 3")
                .setErrorType(ErrorResponse.ErrorType.INTEGRITY).build().toByteArray());
        fake.failAppendWith = Status.FAILED_PRECONDITION.withDescription("integrity error: condition failed")
                .asRuntimeException(trailers);
        assertThatThrownBy(() -> client.append(List.of(event("A"))))
                .isInstanceOf(IntegrityException.class)
                .hasMessage("integrity error: condition failed: event at 3")
                .extracting(e -> ((DcbException) e).code()).isEqualTo(Status.Code.FAILED_PRECONDITION);

        Metadata auth = new Metadata();
        auth.put(DcbErrors.DETAILS, ErrorResponse.newBuilder().setMessage("authentication error: missing or "
                + "invalid API key").setErrorType(ErrorResponse.ErrorType.AUTHENTICATION).build().toByteArray());
        fake.failAppendWith = Status.UNAUTHENTICATED.asRuntimeException(auth);
        assertThatThrownBy(() -> client.append(List.of(event("A"))))
                .isInstanceOf(AuthenticationException.class)
                .hasMessageContaining("missing or invalid API key");
    }

    @Test
    void withoutDecodableDetailsTheStatusCodeDecides() {
        fake.failAppendWith = Status.DATA_LOSS.withDescription("corruption detected: page 7").asRuntimeException();
        assertThatThrownBy(() -> client.append(List.of(event("A"))))
                .isInstanceOf(CorruptionException.class)
                .hasMessage("DATA_LOSS: corruption detected: page 7");

        Metadata rpcStatus = new Metadata();
        rpcStatus.put(DcbErrors.DETAILS, com.google.rpc.Status.newBuilder().setCode(3).setMessage("bad")
                .build().toByteArray());
        fake.failAppendWith = Status.INVALID_ARGUMENT.withDescription("bad").asRuntimeException(rpcStatus);
        assertThatThrownBy(() -> client.append(List.of(event("A"))))
                .isInstanceOf(InvalidArgumentException.class);

        fake.failAppendWith = Status.UNAVAILABLE.asRuntimeException();
        assertThatThrownBy(() -> client.append(List.of(event("A")))).isInstanceOf(DcbIoException.class);
    }

    @Test
    void apiKeyOverPlaintextNeedsExplicitConsent() {
        assertThatThrownBy(() -> EventStoreClient.builder().address("localhost:1").apiKey("k").build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("localhost:1");
        EventStoreClient.builder().address("localhost:1").apiKey("k").allowApiKeyWithoutTls().build().close();
    }

    @Test
    void eventsRoundTripThroughTheWireMapping() {
        DcbEvent e = event("T", "a", "a", "b").withMetadata(Map.of("k", "v"));
        assertThat(DcbProtos.event(DcbProtos.event(e))).isEqualTo(e);
        assertThat(DcbProtos.event(e).getData()).isEqualTo(ByteString.copyFromUtf8("T"));
    }
}
