package io.veridb.server.grpc;

import io.grpc.netty.shaded.io.netty.util.concurrent.EventExecutor;
import io.grpc.netty.shaded.io.netty.util.internal.ThreadExecutorMap;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * Where a call that does not wait continues once its commit is durable: on the Netty event loop that read the call.
 * That keeps building and serialising the reply off the ledger's writer thread (the bottleneck under load) and
 * costs no extra thread: the event loop writes the reply anyway. Used by the immudb and the DCB faces.
 */
public final class EventLoops {

    private EventLoops() {}

    /** The executor of the event loop running the current thread; empty on any other thread (a pool, tests). */
    public static Optional<Executor> current() {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        return Optional.ofNullable(loop);
    }
}
