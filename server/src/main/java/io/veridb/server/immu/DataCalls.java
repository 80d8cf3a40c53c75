package io.veridb.server.immu;

import io.grpc.stub.StreamObserver;
import io.veridb.protocol.immudb.Chunk;
import io.veridb.server.db.Database;
import io.veridb.server.grpc.EventLoops;
import io.veridb.server.immu.kv.KvRpcs;
import io.veridb.server.immu.kv.KvStreams;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * Runs data RPCs against the caller's selected database (already authorised by {@link AuthInterceptor}) through the
 * kv layer's {@link KvRpcs} / {@link KvStreams}, with error mapping and DatabaseHealth accounting.
 */
final class DataCalls {
    private final ImmuContext ctx;
    private final Activity activity;

    DataCalls(ImmuContext ctx, Activity activity) {
        this.ctx = ctx;
        this.activity = activity;
    }

    <T> void unary(StreamObserver<T> out, Function<KvRpcs, T> call) {
        String name = CallerContext.current().database();
        activity.started(name);
        T result;
        try {
            Database db = ctx.databases().get(name);
            result = call.apply(new KvRpcs(db.kv(), db.name(), ctx.signer()));
        } catch (RuntimeException e) {
            reply(out, name, null, e);
            return;
        } catch (Error e) {
            activity.finished(name);
            throw e;
        }
        reply(out, name, result, null);
    }

    /**
     * Runs a write without a thread waiting for its commit when it runs on an event loop (listed in
     * {@link InlineCalls}): {@code call} validates and submits on this thread and returns a future that completes on
     * the executor it is given (this call's event loop, see {@link EventLoops}), and the reply is sent then. On a
     * pool thread the same call waits, and its continuation runs on that thread ({@link WaitingThreadExecutor}).
     * The request counts as pending in {@link Activity} until its reply.
     */
    <T> void unaryAsync(StreamObserver<T> out, BiFunction<KvRpcs, Executor, CompletableFuture<T>> call) {
        String name = CallerContext.current().database();
        Optional<Executor> loop = EventLoops.current();
        WaitingThreadExecutor waiting = loop.isPresent() ? null : new WaitingThreadExecutor();
        Executor replies = loop.isPresent() ? loop.get() : waiting;
        activity.started(name);
        CompletableFuture<T> result;
        try {
            Database db = ctx.databases().get(name);
            result = call.apply(new KvRpcs(db.kv(), db.name(), ctx.signer()), replies);
        } catch (RuntimeException e) {
            result = CompletableFuture.failedFuture(e);
        }
        if (waiting != null) {
            awaitOnThisThread(out, name, result, waiting);
            return;
        }
        result.whenComplete((value, error) -> {
            if (error == null) {
                reply(out, name, value, null); // already on {@code replies}: KvRpcs completes there
                return;
            }
            // a rejection completes on the writer thread: answer from the event loop, or here if it is gone
            try {
                replies.execute(() -> reply(out, name, null, error));
            } catch (RejectedExecutionException stopped) {
                reply(out, name, null, error);
            }
        });
    }

    private <T> void awaitOnThisThread(
            StreamObserver<T> out, String name, CompletableFuture<T> result, WaitingThreadExecutor waiting) {
        try {
            waiting.runUntilDone(result);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            reply(out, name, null, e);
            return;
        }
        try {
            reply(out, name, result.join(), null);
        } catch (CompletionException | CancellationException e) {
            reply(out, name, null, e);
        }
    }

    private <T> void reply(StreamObserver<T> out, String name, T value, Throwable error) {
        // finished before the reply goes out, so a client that saw the reply never sees its request pending
        activity.finished(name);
        if (error != null) {
            out.onError(ErrorMapper.toStatus(error, false).asRuntimeException());
            return;
        }
        out.onNext(value);
        out.onCompleted();
    }

    <T> void serverStream(StreamObserver<T> out, BiConsumer<KvStreams, StreamObserver<T>> call) {
        String name = CallerContext.current().database();
        activity.started(name);
        MappedObserver<T> mapped = new MappedObserver<>(out, () -> activity.finished(name));
        try {
            call.accept(streams(name), mapped);
        } catch (RuntimeException e) {
            mapped.onError(e);
        }
    }

    <R> StreamObserver<Chunk> clientStream(
            StreamObserver<R> reply, BiFunction<KvStreams, StreamObserver<R>, StreamObserver<Chunk>> call) {
        String name = CallerContext.current().database();
        activity.started(name);
        MappedObserver<R> mapped = new MappedObserver<>(reply, () -> activity.finished(name));
        try {
            return call.apply(streams(name), mapped);
        } catch (RuntimeException e) {
            mapped.onError(e);
            return new Discard();
        }
    }

    private KvStreams streams(String name) {
        Database db = ctx.databases().get(name);
        return new KvStreams(db.kv(), db.name(), ctx.signer());
    }

    /** Swallows the request stream of a call that already failed. */
    private static final class Discard implements StreamObserver<Chunk> {
        @Override
        public void onNext(Chunk value) {}

        @Override
        public void onError(Throwable t) {}

        @Override
        public void onCompleted() {}
    }
}
