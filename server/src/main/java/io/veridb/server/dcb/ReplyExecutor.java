package io.veridb.server.dcb;

import io.grpc.netty.shaded.io.netty.util.concurrent.EventExecutor;
import io.grpc.netty.shaded.io.netty.util.internal.ThreadExecutorMap;
import java.util.concurrent.Executor;

/**
 * Where an append's reply is built once its commit is durable: the Netty event loop that read the call. The
 * future completes on the ledger's writer thread, the throughput bottleneck under load; building, serialising
 * and queueing the reply there would add that work to every append's share of the writer, while handing it to
 * the event loop costs one queue offer (and at most one wake-up per loop and batch), and the event loop writes
 * the reply to the socket anyway.
 *
 * <p>Off an event loop (a call run on a pool thread, the in-process transport of tests) the reply is sent on the
 * completing thread, as a reply is only a small message handed to the transport.
 */
final class ReplyExecutor {

    private ReplyExecutor() {}

    /** The event loop running the current thread, else a direct executor. */
    static Executor current() {
        EventExecutor loop = ThreadExecutorMap.currentExecutor();
        return loop != null ? loop : Runnable::run;
    }
}
