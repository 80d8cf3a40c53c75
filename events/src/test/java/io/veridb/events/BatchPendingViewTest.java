package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.IndexWriter;
import io.veridb.ledger.LedgerOptions;
import io.veridb.ledger.SecondaryIndex;
import io.veridb.proofs.TxHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Appends that share one group commit see each other's pending events and tracking positions. Each test holds the
 * writer thread inside a batch of its own ({@link #holdingTheWriter}) while it submits, so that everything it
 * submits is queued before the writer collects its next batch and lands in that one batch. (A group-commit wait
 * alone would not make it so: a submission delayed past the wait, on a slow machine, starts a new batch.)
 */
class BatchPendingViewTest extends EventStoreTestBase {
    private final WriterGate gate = new WriterGate();

    @Override
    LedgerOptions options() {
        List<SecondaryIndex> indexes = new ArrayList<>(EventIndexes.secondaryIndexes());
        indexes.add(gate);
        return super.options().withSecondaryIndexes(indexes);
    }

    private CompletableFuture<Long> submit(AppendCondition c, TrackingInfo t, DcbEvent... events) {
        return store.append(new AppendRequest(List.of(events), c, t));
    }

    /**
     * Commits a foreign transaction, holds the writer inside its batch while {@code submissions} runs, then lets
     * it go; returns the held transaction's id. The writer's next batch is then everything submitted.
     */
    private long holdingTheWriter(Runnable submissions) {
        CompletableFuture<TxHeader> held = gate.holdNextBatch(() -> ledger.commit(
                List.of(new EntrySpec(new byte[] {0, 'h'}, new byte[] {0, 'v'}))));
        try {
            submissions.run();
        } finally {
            gate.release();
        }
        return held.join().id();
    }

    /** A secondary index that writes nothing and, once armed, blocks the writer thread in the next commit. */
    private static final class WriterGate implements SecondaryIndex {
        private final AtomicBoolean armed = new AtomicBoolean();
        private final CountDownLatch entered = new CountDownLatch(1);
        private final CountDownLatch released = new CountDownLatch(1);

        <T> T holdNextBatch(Supplier<T> commit) {
            armed.set(true);
            T result = commit.get();
            try {
                assertThat(entered.await(30, TimeUnit.SECONDS)).as("writer reached the gate").isTrue();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            return result;
        }

        void release() {
            released.countDown();
        }

        @Override
        public String name() {
            return "test_writer_gate";
        }

        @Override
        public void onCommit(long txId, List<EntrySpec> entries, IndexWriter out) {
            if (!armed.compareAndSet(true, false)) {
                return;
            }
            entered.countDown();
            try {
                // bounded, so a failing test cannot wedge the writer and the store's close
                released.await(60, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Test
    void laterRequestSeesEarlierPendingEventsOfTheSameBatch() {
        List<CompletableFuture<Long>> r = new ArrayList<>();
        long held = holdingTheWriter(() -> {
            r.add(submit(null, null, event("A", "x")));
            r.add(submit(new AppendCondition(tags("x"), 0), null, event("B")));
            r.add(submit(new AppendCondition(types("A"), 0), null, event("C")));
            r.add(submit(new AppendCondition(tags("y"), 0), null, event("D", "y")));
            r.add(submit(new AppendCondition(tags("y"), 1), null, event("E")));
        });
        CompletableFuture<Long> first = r.get(0);
        CompletableFuture<Long> conflicting = r.get(1);
        CompletableFuture<Long> typed = r.get(2);
        CompletableFuture<Long> unrelated = r.get(3);
        CompletableFuture<Long> afterUnrelated = r.get(4);
        assertThat(first.join()).isEqualTo(1);
        assertThat(conflicting).isCompletedExceptionally();
        assertThat(typed).isCompletedExceptionally();
        assertThat(unrelated.join()).isEqualTo(2);
        assertThat(afterUnrelated).isCompletedExceptionally();
        assertThat(ledger.lastTxId()).isEqualTo(held + 2);
        assertThat(positions(Query.ALL, 1, false)).containsExactly(1L, 2L);
    }

    @Test
    void conditionsSeeUnconditionalAppendsQueuedBetweenThem() {
        List<CompletableFuture<Long>> r = new ArrayList<>();
        long held = holdingTheWriter(() -> {
            r.add(submit(new AppendCondition(tags("y"), 0), null, event("A", "x")));
            r.add(submit(null, null, event("B", "y")));
            r.add(submit(null, null, event("C", "z")));
            r.add(submit(new AppendCondition(tags("y"), 1), null, event("D")));
            r.add(submit(new AppendCondition(types("C"), 2), null, event("E")));
            r.add(submit(new AppendCondition(tags("x"), 1), null, event("F")));
        });
        CompletableFuture<Long> checked = r.get(0);
        CompletableFuture<Long> plain = r.get(1);
        CompletableFuture<Long> plainTyped = r.get(2);
        CompletableFuture<Long> onTag = r.get(3);
        CompletableFuture<Long> onType = r.get(4);
        CompletableFuture<Long> clear = r.get(5);
        assertThat(checked.join()).isEqualTo(1);
        assertThat(plain.join()).isEqualTo(2);
        assertThat(plainTyped.join()).isEqualTo(3);
        assertThat(onTag).isCompletedExceptionally();
        assertThat(onType).isCompletedExceptionally();
        assertThat(clear.join()).isEqualTo(4);
        assertThat(ledger.lastTxId()).isEqualTo(held + 4);
    }

    @Test
    void positionsStayGaplessAroundRejectedAndForeignTransactions() {
        List<CompletableFuture<Long>> results = new ArrayList<>();
        holdingTheWriter(() -> {
            results.add(submit(null, null, event("A", "x"), event("A", "x")));
            results.add(submit(new AppendCondition(tags("x"), 0), null, event("B")));
            ledger.commit(List.of(new EntrySpec(new byte[] {0, 'k'}, new byte[] {0, 'v'})));
            results.add(submit(null, null, event("C")));
        });
        assertThat(results.get(0).join()).isEqualTo(2);
        assertThat(results.get(1)).isCompletedExceptionally();
        assertThat(results.get(2).join()).isEqualTo(3);
        assertThat(positions(Query.ALL, 1, false)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void idempotentRetryRecognisesPendingEvents() {
        String uuid = "00000000-0000-0000-0000-0000000000b1";
        AppendCondition c = new AppendCondition(tags("x"), 0);
        List<CompletableFuture<Long>> r = new ArrayList<>();
        holdingTheWriter(() -> {
            r.add(submit(c, null, eventWithUuid(uuid, "A", "x")));
            r.add(submit(c, null, eventWithUuid(uuid, "A", "x")));
        });
        CompletableFuture<Long> original = r.get(0);
        CompletableFuture<Long> retry = r.get(1);
        assertThat(original.join()).isEqualTo(1);
        assertThat(retry.join()).isEqualTo(1);
        assertThat(store.head()).isEqualTo(1);
    }

    @Test
    void trackingInTheSameBatchMustIncrease() {
        List<CompletableFuture<Long>> r = new ArrayList<>();
        holdingTheWriter(() -> {
            r.add(submit(null, new TrackingInfo("s", 5), event("A")));
            r.add(submit(null, new TrackingInfo("s", 5), event("B")));
            r.add(submit(null, new TrackingInfo("s", 6), event("C")));
        });
        CompletableFuture<Long> a = r.get(0);
        CompletableFuture<Long> b = r.get(1);
        CompletableFuture<Long> c = r.get(2);
        assertThat(a.join()).isEqualTo(1);
        assertThat(b).isCompletedExceptionally();
        try {
            b.join();
        } catch (CompletionException e) {
            assertThat(e.getCause()).hasMessageEndingWith("5 <= 5");
        }
        assertThat(c.join()).isEqualTo(2);
        assertThat(store.trackingPosition("s")).hasValue(6);
    }

    @Test
    void concurrentAppendsInOneBatchGetContiguousPositions() {
        List<CompletableFuture<Long>> results = new ArrayList<>();
        long held = holdingTheWriter(() -> {
            for (int i = 0; i < 20; i++) {
                results.add(submit(null, null, event("A")));
            }
        });
        results.forEach(CompletableFuture::join);
        assertThat(store.head()).isEqualTo(20);
        assertThat(ledger.lastTxId()).isEqualTo(held + 20);
    }
}
