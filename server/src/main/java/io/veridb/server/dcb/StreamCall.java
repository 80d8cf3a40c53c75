package io.veridb.server.dcb;

import io.grpc.stub.ServerCallStreamObserver;
import java.util.concurrent.Executor;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One server-streaming call driven by gRPC flow control: {@link #step} runs on a shared executor while the
 * transport is ready, and again on the next "ready" or wake-up. Emission and completion are serialised by a lock,
 * so {@link #finishOk} may be called from any thread (server shutdown ends every stream with OK).
 */
abstract class StreamCall implements Runnable {
    /** Messages one run may send before yielding the executor thread to other streams. */
    private static final int MESSAGES_PER_RUN = 64;
    private static final Logger LOG = LoggerFactory.getLogger(StreamCall.class);

    protected final ServerCallStreamObserver<EncodedMessage> observer;
    private final Executor executor;
    private final StreamRegistry registry;
    private final AtomicBoolean scheduled = new AtomicBoolean();
    private final Object lock = new Object();
    private volatile boolean finished;

    StreamCall(ServerCallStreamObserver<EncodedMessage> observer, Executor executor, StreamRegistry registry) {
        this.observer = observer;
        this.executor = executor;
        this.registry = registry;
    }

    /** Registers handlers and schedules the first step. */
    final void start() {
        observer.setOnReadyHandler(this::schedule);
        observer.setOnCancelHandler(this::cancelled);
        if (!registry.add(this)) {
            finishOk();
            return;
        }
        // The first step runs on the calling (gRPC) thread: a short read then needs no thread hand-off.
        if (scheduled.compareAndSet(false, true)) {
            run();
        }
    }

    /** Asks for a step soon; cheap and idempotent, safe from any thread. */
    final void schedule() {
        if (!finished && scheduled.compareAndSet(false, true)) {
            try {
                executor.execute(this);
            } catch (RejectedExecutionException e) {
                // the face is shutting down; closeAll() ends this stream
                scheduled.set(false);
            }
        }
    }

    @Override
    public final void run() {
        scheduled.set(false);
        synchronized (lock) {
            if (finished) {
                return;
            }
            try {
                for (int sent = 0; sent < MESSAGES_PER_RUN && observer.isReady() && !finished; sent++) {
                    if (!step()) {
                        return;
                    }
                }
                if (!finished && observer.isReady()) {
                    schedule();
                }
            } catch (RuntimeException e) {
                finishWithError(e);
            }
        }
    }

    /**
     * Sends at most one message, or finishes the call.
     *
     * @return false when there is nothing to send now (finished, or waiting for a wake-up)
     */
    abstract boolean step();

    /** Releases resources (cursors, watches); called once when the call ends for any reason. */
    abstract void release();

    final boolean finished() {
        return finished;
    }

    /** Completes the stream with OK unless it already ended. */
    final void finishOk() {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            try {
                observer.onCompleted();
            } catch (RuntimeException e) {
                LOG.debug("stream already closed", e);
            }
        }
        end();
    }

    /** Ends the stream with the UmaDB status of {@code failure}. */
    final void finishWithError(Throwable failure) {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
            try {
                observer.onError(DcbStatus.of(failure));
            } catch (RuntimeException e) {
                LOG.debug("stream already closed", e);
            }
        }
        end();
    }

    private void cancelled() {
        synchronized (lock) {
            if (finished) {
                return;
            }
            finished = true;
        }
        end();
    }

    private void end() {
        registry.remove(this);
        release();
    }
}
