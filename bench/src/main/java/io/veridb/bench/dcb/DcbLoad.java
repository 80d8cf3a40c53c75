package io.veridb.bench.dcb;

import io.grpc.ManagedChannel;
import io.grpc.netty.shaded.io.grpc.netty.NettyChannelBuilder;
import io.grpc.stub.StreamObserver;
import io.veridb.protocol.umadb.v1.AppendRequest;
import io.veridb.protocol.umadb.v1.AppendResponse;
import io.veridb.protocol.umadb.v1.DCBGrpc;
import io.veridb.protocol.umadb.v1.HeadRequest;
import io.veridb.protocol.umadb.v1.ReadRequest;
import io.veridb.protocol.umadb.v1.ReadResponse;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A closed-loop gRPC load generator for any umadb.v1.DCB server (VeriDB or UmaDB): each "client" keeps exactly
 * one request in flight. Clients share {@code min(clients, 16)} connections.
 */
final class DcbLoad implements AutoCloseable {
    private final List<ManagedChannel> channels = new ArrayList<>();

    DcbLoad(String host, int port, int connections) {
        for (int i = 0; i < connections; i++) {
            // directExecutor: callbacks run on the channel's event loop (they only build and send the next
            // request), so the generator spends no CPU on executor hand-offs; the same for both servers.
            channels.add(NettyChannelBuilder.forAddress(host, port).usePlaintext().flowControlWindow(8 << 20)
                    .maxInboundMessageSize(64 * 1024 * 1024).directExecutor().build());
        }
    }

    private DCBGrpc.DCBStub async(int client) {
        return DCBGrpc.newStub(channels.get(client % channels.size()));
    }

    DCBGrpc.DCBBlockingStub blocking(int client) {
        return DCBGrpc.newBlockingStub(channels.get(client % channels.size()));
    }

    long head() {
        var response = blocking(0).head(HeadRequest.getDefaultInstance());
        return response.hasPosition() ? response.getPosition() : 0;
    }

    /** Preloads {@code total} init events in appends of {@code perRequest}, 8 in flight. */
    void preload(long total, int perRequest) throws InterruptedException {
        AtomicLong next = new AtomicLong();
        runClosedLoop(8, Long.MAX_VALUE, client -> {
            long start = next.getAndAdd(perRequest);
            if (start >= total) {
                return null;
            }
            AppendRequest.Builder b = AppendRequest.newBuilder();
            for (long i = start; i < Math.min(total, start + perRequest); i++) {
                b.addEvents(DcbWorkload.initEvent(i));
            }
            return b.build();
        });
    }

    /** Runs appends for {@code nanos}; returns events appended per second. */
    double appends(int clients, int perRequest, boolean conditional, long initHead, long nanos)
            throws InterruptedException {
        AtomicLong seq = new AtomicLong();
        long deadline = System.nanoTime() + nanos;
        long started = System.nanoTime();
        long requests = runClosedLoop(clients, deadline,
                client -> DcbWorkload.append(seq.getAndIncrement(), perRequest, conditional, initHead));
        double seconds = (System.nanoTime() - started) / 1e9;
        return requests * perRequest / seconds;
    }

    /** A request factory per client; null ends that client. */
    interface Requests {
        AppendRequest next(int client);
    }

    private long runClosedLoop(int clients, long deadline, Requests requests) throws InterruptedException {
        CountDownLatch done = new CountDownLatch(clients);
        AtomicLong completed = new AtomicLong();
        AtomicReference<Throwable> failure = new AtomicReference<>();
        for (int c = 0; c < clients; c++) {
            new ClientLoop(c, deadline, requests, completed, failure, done).send();
        }
        done.await();
        if (failure.get() != null) {
            throw new IllegalStateException("append failed", failure.get());
        }
        return completed.get();
    }

    private final class ClientLoop implements StreamObserver<AppendResponse> {
        private final int client;
        private final long deadline;
        private final Requests requests;
        private final AtomicLong completed;
        private final AtomicReference<Throwable> failure;
        private final CountDownLatch done;

        ClientLoop(int client, long deadline, Requests requests, AtomicLong completed,
                AtomicReference<Throwable> failure, CountDownLatch done) {
            this.client = client;
            this.deadline = deadline;
            this.requests = requests;
            this.completed = completed;
            this.failure = failure;
            this.done = done;
        }

        void send() {
            AppendRequest request = System.nanoTime() < deadline && failure.get() == null
                    ? requests.next(client) : null;
            if (request == null) {
                done.countDown();
                return;
            }
            async(client).append(request, this);
        }

        @Override
        public void onNext(AppendResponse value) {
            completed.incrementAndGet();
        }

        @Override
        public void onError(Throwable t) {
            failure.compareAndSet(null, t);
            done.countDown();
        }

        @Override
        public void onCompleted() {
            send();
        }
    }

    /** Reads everything matching the request once; returns the number of events received. */
    long readAll(int client, ReadRequest request) {
        long events = 0;
        Iterator<ReadResponse> it = blocking(client).read(request);
        while (it.hasNext()) {
            events += it.next().getEventsCount();
        }
        return events;
    }

    /** {@code clients} threads repeat {@code request} for {@code nanos}; returns events read per second. */
    double reads(int clients, ReadRequest request, long nanos) throws InterruptedException {
        AtomicLong events = new AtomicLong();
        long deadline = System.nanoTime() + nanos;
        long started = System.nanoTime();
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            int client = c;
            Thread t = new Thread(() -> {
                do {
                    events.addAndGet(readAll(client, request));
                } while (System.nanoTime() < deadline);
            }, "bench-reader-" + c);
            t.start();
            threads.add(t);
        }
        for (Thread t : threads) {
            t.join();
        }
        return events.get() / ((System.nanoTime() - started) / 1e9);
    }

    @Override
    public void close() throws InterruptedException {
        for (ManagedChannel channel : channels) {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
