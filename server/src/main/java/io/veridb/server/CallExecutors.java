package io.veridb.server;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallExecutorSupplier;
import io.veridb.server.dcb.DcbInlineCalls;
import io.veridb.server.immu.InlineCalls;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Chooses the thread each gRPC call runs on. The servers are built with a direct executor, so a call starts on the
 * Netty event-loop thread that read it; {@link #getExecutor} moves every call that may block (writes waiting for
 * group commit, streams, proofs over many transactions, password checks, the DCB face) to a cached pool, and
 * leaves the point reads of {@link #INLINE} on the event loop.
 *
 * <p>Why: a Get does a few microseconds of work, while handing it to a pool thread and its reply back to the event
 * loop costs two thread wake-ups. Measured with {@code ImmudbLoad} at 64 clients on two shared cores, those
 * hand-offs were about half the server's CPU (futex wait/wake and context switches): 6 context switches and about
 * 110 µs of server CPU per Get with the pool, 0.1 and about 50 µs inline. An inline Get does not wait for other
 * threads: its wait for the index ends at once (the ledger publishes a transaction only after indexing it, and a
 * {@code sinceTx} beyond the last one is refused); it may still read index blocks and values from disk.
 *
 * <p>Thread-safe. {@link #close} stops the pool; call it after the servers have terminated.
 */
final class CallExecutors implements ServerCallExecutorSupplier, AutoCloseable {

    /** Full gRPC method names that run on the event loop: each face lists its own. */
    static final Set<String> INLINE = union(InlineCalls.METHODS, DcbInlineCalls.METHODS);

    private final ExecutorService blocking;

    CallExecutors() {
        AtomicInteger n = new AtomicInteger();
        this.blocking = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "veridb-grpc-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <Q, R> ExecutorService getExecutor(ServerCall<Q, R> call, Metadata headers) {
        return INLINE.contains(call.getMethodDescriptor().getFullMethodName()) ? null : blocking;
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        Set<String> all = new HashSet<>(a);
        all.addAll(b);
        return Set.copyOf(all);
    }

    @Override
    public void close() {
        blocking.shutdownNow();
    }
}
