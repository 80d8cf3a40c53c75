package io.veridb.server.immu;

import io.grpc.netty.shaded.io.netty.util.concurrent.EventExecutor;
import io.grpc.netty.shaded.io.netty.util.internal.ThreadExecutorMap;
import java.util.concurrent.Executor;
import java.util.concurrent.ForkJoinPool;

/**
 * Where a call that does not wait continues once its commit is durable: on the Netty event loop that read the call.
 * That keeps building and serialising the reply off the ledger's writer thread (the bottleneck under load) and
 * costs no extra thread: the event loop writes the reply anyway. Off an event loop (the in-process transport of
 * tests, a pool thread) it is the common pool, never the writer thread itself.
 */
final class EventLoops {

    private EventLoops() {}

    /** The executor of the event loop running the current thread, else the common pool. */
    static Executor current() {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        return loop != null ? loop : ForkJoinPool.commonPool();
    }
}
