package io.veridb.server.dcb;

import io.grpc.stub.ServerCallStreamObserver;
import io.grpc.stub.StreamObserver;
import io.veridb.events.DcbException;
import io.veridb.events.EventStore;
import io.veridb.events.Query;
import io.veridb.protocol.umadb.v1.AppendRequest;
import io.veridb.protocol.umadb.v1.AppendResponse;
import io.veridb.protocol.umadb.v1.HeadRequest;
import io.veridb.protocol.umadb.v1.HeadResponse;
import io.veridb.protocol.umadb.v1.ReadRequest;
import io.veridb.protocol.umadb.v1.SubscribeRequest;
import io.veridb.protocol.umadb.v1.TrackingRequest;
import io.veridb.protocol.umadb.v1.TrackingResponse;
import io.veridb.server.grpc.EventLoops;
import java.util.OptionalLong;
import java.util.concurrent.Executor;

/**
 * The DCB RPC handlers, shared by umadb.v1.DCB and the legacy umadb.UmaDBService paths (whose messages are
 * wire-compatible subsets of v1). Translation and checks only; the events module does the work.
 */
final class DcbHandlers {
    private final EventStore store;
    private final Executor streams;
    private final StreamRegistry registry;

    DcbHandlers(EventStore store, Executor streams, StreamRegistry registry) {
        this.store = store;
        this.streams = streams;
        this.registry = registry;
    }

    /**
     * Read. On the legacy path {@code limit = 0} means unlimited (the dcb.events k6 adapter sends it when
     * unset); on v1 it means no messages.
     */
    void read(ReadRequest request, StreamObserver<EncodedMessage> responses, boolean legacy) {
        ServerCallStreamObserver<EncodedMessage> observer = (ServerCallStreamObserver<EncodedMessage>) responses;
        if (request.hasSubscribe() && request.getSubscribe()) {
            observer.onError(DcbStatus.of(DcbException.invalidArgument(
                    "subscribe on Read is not supported; use the Subscribe RPC")));
            return;
        }
        long limit = -1;
        if (request.hasLimit()) {
            limit = Integer.toUnsignedLong(request.getLimit());
            if (limit == 0) {
                if (!legacy) {
                    observer.onCompleted();
                    return;
                }
                limit = -1;
            }
        }
        Query query = request.hasQuery() ? ProtoConverter.query(request.getQuery()) : Query.ALL;
        boolean backwards = request.hasBackwards() && request.getBackwards();
        long start = request.hasStart() ? ReadLimits.saturate(request.getStart()) : (backwards ? Long.MAX_VALUE : 1);
        int batch = ReadLimits.batchSize(request.hasBatchSize(), request.getBatchSize());
        try {
            new ReadCall(observer, streams, registry, store, query, start, backwards, limit, batch).start();
        } catch (RuntimeException e) {
            observer.onError(DcbStatus.of(e));
        }
    }

    void subscribe(SubscribeRequest request, StreamObserver<EncodedMessage> responses) {
        ServerCallStreamObserver<EncodedMessage> observer = (ServerCallStreamObserver<EncodedMessage>) responses;
        long after = request.hasAfter() ? request.getAfter() : 0;
        if (after == -1L) {
            observer.onCompleted();
            return;
        }
        Query query = request.hasQuery() ? ProtoConverter.query(request.getQuery()) : Query.ALL;
        int batch = ReadLimits.batchSize(request.hasBatchSize(), request.getBatchSize());
        long afterBound = Math.min(ReadLimits.saturate(after), Long.MAX_VALUE - 1);
        try {
            new SubscribeCall(observer, streams, registry, store, query, afterBound, batch).start();
        } catch (RuntimeException e) {
            observer.onError(DcbStatus.of(e));
        }
    }

    void append(AppendRequest request, StreamObserver<AppendResponse> responses) {
        io.veridb.events.AppendRequest converted;
        try {
            converted = ProtoConverter.append(request);
        } catch (RuntimeException e) {
            responses.onError(DcbStatus.of(e));
            return;
        }
        // Runs on the event loop that read the call (DcbInlineCalls); the commit completes on the ledger's
        // writer thread, and the reply goes back to this event loop, keeping its building off the writer (off an
        // event loop, as in in-process tests, it is sent on the completing thread).
        Executor replies = EventLoops.current().orElse(Runnable::run);
        store.append(converted).whenCompleteAsync((position, failure) -> {
            if (failure != null) {
                responses.onError(DcbStatus.of(failure));
            } else {
                responses.onNext(AppendResponse.newBuilder().setPosition(position).build());
                responses.onCompleted();
            }
        }, replies);
    }

    void head(HeadRequest request, StreamObserver<HeadResponse> responses) {
        try {
            long head = store.head();
            HeadResponse.Builder b = HeadResponse.newBuilder();
            if (head > 0) {
                b.setPosition(head);
            }
            responses.onNext(b.build());
            responses.onCompleted();
        } catch (RuntimeException e) {
            responses.onError(DcbStatus.of(e));
        }
    }

    void trackingInfo(TrackingRequest request, StreamObserver<TrackingResponse> responses) {
        try {
            OptionalLong position = store.trackingPosition(request.getSource());
            TrackingResponse.Builder b = TrackingResponse.newBuilder();
            position.ifPresent(b::setPosition);
            responses.onNext(b.build());
            responses.onCompleted();
        } catch (RuntimeException e) {
            responses.onError(DcbStatus.of(e));
        }
    }
}
