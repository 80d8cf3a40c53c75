package io.veridb.server.dcb;

import static io.veridb.server.dcb.DcbMessages.append;
import static io.veridb.server.dcb.DcbMessages.event;
import static io.veridb.server.dcb.DcbMessages.tags;
import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import io.veridb.protocol.umadb.v1.SubscribeRequest;
import io.veridb.protocol.umadb.v1.SubscribeResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DcbSubscribeTest {
    /** How long to wait for what a subscription must deliver: generous, for a slow and loaded machine. */
    private static final int WAIT_SECONDS = 30;

    @TempDir
    Path dir;

    DcbTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new DcbTestServer(dir, null);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    /** Collects positions and message sizes; records how the stream ended. */
    static final class Collector implements StreamObserver<SubscribeResponse> {
        final List<Long> positions = new CopyOnWriteArrayList<>();
        final List<Integer> sizes = new CopyOnWriteArrayList<>();
        final AtomicReference<Status> end = new AtomicReference<>();
        final CountDownLatch ended = new CountDownLatch(1);

        @Override
        public void onNext(SubscribeResponse value) {
            sizes.add(value.getEventsCount());
            value.getEventsList().forEach(e -> positions.add(e.getPosition()));
        }

        @Override
        public void onError(Throwable t) {
            end.set(Status.fromThrowable(t));
            ended.countDown();
        }

        @Override
        public void onCompleted() {
            end.set(Status.OK);
            ended.countDown();
        }

        void awaitPositions(int n) throws InterruptedException {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(WAIT_SECONDS);
            while (positions.size() < n && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            assertThat(positions).hasSizeGreaterThanOrEqualTo(n);
        }
    }

    @Test
    void catchesUpThenFollowsLiveCommitsWithoutEmptyMessages() throws Exception {
        server.dcb().append(append(event("A", "x"), event("B", "y"), event("C", "x")));
        Collector c = new Collector();
        server.dcbAsync().subscribe(SubscribeRequest.newBuilder().setQuery(tags("x")).setAfter(1).build(), c);
        c.awaitPositions(1);
        server.dcb().append(append(event("D", "y")));
        server.dcb().append(append(event("E", "x")));
        c.awaitPositions(2);
        assertThat(c.positions).containsExactly(3L, 5L);
        assertThat(c.sizes).allSatisfy(n -> assertThat(n).isPositive());
        assertThat(c.end.get()).isNull();
    }

    @Test
    void headersArriveBeforeAnyEventSoClientsCanReturnFromSubscribe() throws Exception {
        java.util.concurrent.CountDownLatch headers = new java.util.concurrent.CountDownLatch(1);
        io.grpc.ClientInterceptor watch = new io.grpc.ClientInterceptor() {
            @Override
            public <Q, R> io.grpc.ClientCall<Q, R> interceptCall(io.grpc.MethodDescriptor<Q, R> method,
                    io.grpc.CallOptions options, io.grpc.Channel next) {
                return new io.grpc.ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
                    @Override
                    public void start(Listener<R> listener, io.grpc.Metadata md) {
                        super.start(new io.grpc.ForwardingClientCallListener.SimpleForwardingClientCallListener<>(
                                listener) {
                            @Override
                            public void onHeaders(io.grpc.Metadata h) {
                                headers.countDown();
                                super.onHeaders(h);
                            }
                        }, md);
                    }
                };
            }
        };
        Collector c = new Collector();
        server.dcbAsync().withInterceptors(watch).subscribe(SubscribeRequest.getDefaultInstance(), c);
        assertThat(headers.await(WAIT_SECONDS, TimeUnit.SECONDS)).as("response headers on an empty store").isTrue();
        assertThat(c.positions).isEmpty();
    }

    @Test
    void batchSizeBoundsEachMessage() throws Exception {
        for (int i = 0; i < 7; i++) {
            server.dcb().append(append(event("A")));
        }
        Collector c = new Collector();
        server.dcbAsync().subscribe(SubscribeRequest.newBuilder().setBatchSize(3).build(), c);
        c.awaitPositions(7);
        assertThat(c.sizes).containsExactly(3, 3, 1);
    }

    @Test
    void afterUnsignedMaxClosesAtOnce() throws Exception {
        server.dcb().append(append(event("A")));
        Collector c = new Collector();
        server.dcbAsync().subscribe(SubscribeRequest.newBuilder().setAfter(-1L).build(), c);
        assertThat(c.ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(c.end.get().isOk()).isTrue();
        assertThat(c.positions).isEmpty();
    }

    @Test
    void shutdownEndsSubscriptionsCleanly() throws Exception {
        Collector c = new Collector();
        server.dcbAsync().subscribe(SubscribeRequest.getDefaultInstance(), c);
        server.dcb().append(append(event("A")));
        c.awaitPositions(1);
        server.face.close();
        assertThat(c.ended.await(WAIT_SECONDS, TimeUnit.SECONDS)).isTrue();
        assertThat(c.end.get().isOk()).isTrue();
    }

    @Test
    void manySubscribersAllSeeEveryEvent() throws Exception {
        List<Collector> collectors = new CopyOnWriteArrayList<>();
        for (int i = 0; i < 20; i++) {
            Collector c = new Collector();
            collectors.add(c);
            server.dcbAsync().subscribe(SubscribeRequest.getDefaultInstance(), c);
        }
        for (int i = 0; i < 30; i++) {
            server.dcb().append(append(event("A")));
        }
        for (Collector c : collectors) {
            c.awaitPositions(30);
            assertThat(c.positions).hasSize(30).isSorted();
        }
    }
}
