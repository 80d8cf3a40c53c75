package io.veridb.server.immu;

import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * Runs the continuation of a call on the thread that waits for it: for a call that runs on a pool thread (not on
 * an event loop), whose thread would wait anyway. Its reply is then built there, as before the calls became
 * asynchronous, instead of on the ledger's writer thread or on yet another thread. One per call; the tasks run
 * only inside {@link #runUntilDone}.
 */
final class WaitingThreadExecutor implements Executor {
    private static final Runnable WAKE_UP = () -> {};

    private final BlockingQueue<Runnable> tasks = new LinkedBlockingQueue<>();

    @Override
    public void execute(Runnable task) {
        tasks.add(task);
    }

    /** Runs submitted tasks on this thread until {@code future} is done and no task is left. */
    void runUntilDone(CompletableFuture<?> future) throws InterruptedException {
        // a future that fails on another thread submits nothing here: wake the waiting thread anyway
        future.whenComplete((v, e) -> tasks.add(WAKE_UP));
        while (!future.isDone() || !tasks.isEmpty()) {
            tasks.take().run();
        }
    }
}
