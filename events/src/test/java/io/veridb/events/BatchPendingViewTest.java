package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.LedgerOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

/** Appends that share one group commit see each other's pending events and tracking positions. */
class BatchPendingViewTest extends EventStoreTestBase {
    @Override
    LedgerOptions options() {
        // The writer waits 300 ms for more requests, so everything submitted together lands in one batch.
        return super.options().withGroupCommit(1024, 16L << 20, 300_000_000L);
    }

    private CompletableFuture<Long> submit(AppendCondition c, TrackingInfo t, DcbEvent... events) {
        return store.append(new AppendRequest(List.of(events), c, t));
    }

    @Test
    void laterRequestSeesEarlierPendingEventsOfTheSameBatch() {
        CompletableFuture<Long> first = submit(null, null, event("A", "x"));
        CompletableFuture<Long> conflicting = submit(new AppendCondition(tags("x"), 0), null, event("B"));
        CompletableFuture<Long> typed = submit(new AppendCondition(types("A"), 0), null, event("C"));
        CompletableFuture<Long> unrelated = submit(new AppendCondition(tags("y"), 0), null, event("D", "y"));
        CompletableFuture<Long> afterUnrelated = submit(new AppendCondition(tags("y"), 1), null, event("E"));
        assertThat(first.join()).isEqualTo(1);
        assertThat(conflicting).isCompletedExceptionally();
        assertThat(typed).isCompletedExceptionally();
        assertThat(unrelated.join()).isEqualTo(2);
        assertThat(afterUnrelated).isCompletedExceptionally();
        assertThat(ledger.lastTxId()).isEqualTo(2);
        assertThat(positions(Query.ALL, 1, false)).containsExactly(1L, 2L);
    }

    @Test
    void conditionsSeeUnconditionalAppendsQueuedBetweenThem() {
        CompletableFuture<Long> checked = submit(new AppendCondition(tags("y"), 0), null, event("A", "x"));
        CompletableFuture<Long> plain = submit(null, null, event("B", "y"));
        CompletableFuture<Long> plainTyped = submit(null, null, event("C", "z"));
        CompletableFuture<Long> onTag = submit(new AppendCondition(tags("y"), 1), null, event("D"));
        CompletableFuture<Long> onType = submit(new AppendCondition(types("C"), 2), null, event("E"));
        CompletableFuture<Long> clear = submit(new AppendCondition(tags("x"), 1), null, event("F"));
        assertThat(checked.join()).isEqualTo(1);
        assertThat(plain.join()).isEqualTo(2);
        assertThat(plainTyped.join()).isEqualTo(3);
        assertThat(onTag).isCompletedExceptionally();
        assertThat(onType).isCompletedExceptionally();
        assertThat(clear.join()).isEqualTo(4);
        assertThat(ledger.lastTxId()).isEqualTo(4);
    }

    @Test
    void positionsStayGaplessAroundRejectedAndForeignTransactions() {
        List<CompletableFuture<Long>> results = new ArrayList<>();
        results.add(submit(null, null, event("A", "x"), event("A", "x")));
        results.add(submit(new AppendCondition(tags("x"), 0), null, event("B")));
        ledger.commit(List.of(new EntrySpec(new byte[] {0, 'k'}, new byte[] {0, 'v'})));
        results.add(submit(null, null, event("C")));
        assertThat(results.get(0).join()).isEqualTo(2);
        assertThat(results.get(1)).isCompletedExceptionally();
        assertThat(results.get(2).join()).isEqualTo(3);
        assertThat(positions(Query.ALL, 1, false)).containsExactly(1L, 2L, 3L);
    }

    @Test
    void idempotentRetryRecognisesPendingEvents() {
        String uuid = "00000000-0000-0000-0000-0000000000b1";
        AppendCondition c = new AppendCondition(tags("x"), 0);
        CompletableFuture<Long> original = submit(c, null, eventWithUuid(uuid, "A", "x"));
        CompletableFuture<Long> retry = submit(c, null, eventWithUuid(uuid, "A", "x"));
        assertThat(original.join()).isEqualTo(1);
        assertThat(retry.join()).isEqualTo(1);
        assertThat(store.head()).isEqualTo(1);
    }

    @Test
    void trackingInTheSameBatchMustIncrease() {
        CompletableFuture<Long> a = submit(null, new TrackingInfo("s", 5), event("A"));
        CompletableFuture<Long> b = submit(null, new TrackingInfo("s", 5), event("B"));
        CompletableFuture<Long> c = submit(null, new TrackingInfo("s", 6), event("C"));
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
        for (int i = 0; i < 20; i++) {
            results.add(submit(null, null, event("A")));
        }
        results.forEach(CompletableFuture::join);
        assertThat(store.head()).isEqualTo(20);
        assertThat(ledger.lastTxId()).isEqualTo(20);
    }
}
