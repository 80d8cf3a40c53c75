package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.ledger.EntrySpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class EventStoreTest extends EventStoreTestBase {
    @Test
    void emptyStoreHasHeadZero() {
        assertThat(store.head()).isZero();
        assertThat(positions(Query.ALL, 1, false)).isEmpty();
    }

    @Test
    void appendReturnsLastPositionAndPositionsAreContiguous() {
        assertThat(append(event("A", "x"), event("B"), event("C", "x"))).isEqualTo(3);
        assertThat(append(event("D"))).isEqualTo(4);
        assertThat(store.head()).isEqualTo(4);
        assertThat(positions(Query.ALL, 1, false)).containsExactly(1L, 2L, 3L, 4L);
    }

    @Test
    void positionsStayGaplessWhenImmudbTransactionsInterleave() {
        append(event("A"));
        ledger.commit(List.of(new EntrySpec(new byte[] {0, 'k'}, new byte[] {0, 'v'}))).join();
        assertThat(append(event("B"))).isEqualTo(2);
        assertThat(ledger.lastTxId()).isEqualTo(3);
        assertThat(store.locate(2).txId()).isEqualTo(3);
    }

    @Test
    void readsRoundTripEveryFieldAndKeepTagOrder() {
        DcbEvent e = new DcbEvent("T", List.of("b", "a", "b"), "d".getBytes(StandardCharsets.UTF_8),
                "67e55044-10b1-426f-9247-bb680e5fe0c8", List.of(new MetadataEntry("k", "v")));
        store.append(new AppendRequest(List.of(e), null, new TrackingInfo("src", 9))).join();
        StoredEvent stored = store.event(1);
        assertThat(stored.record().event()).isEqualTo(e);
        assertThat(stored.record().tracking()).isEqualTo(new TrackingInfo("src", 9));
    }

    @Test
    void readsByTagTypeForwardAndBackwards() {
        append(event("A", "x", "y"), event("B", "x"), event("A", "y"), event("C"));
        assertThat(positions(tags("x"), 1, false)).containsExactly(1L, 2L);
        assertThat(positions(tags("x", "y"), 1, false)).containsExactly(1L);
        assertThat(positions(types("A"), 1, false)).containsExactly(1L, 3L);
        assertThat(positions(types("A", "C"), 4, true)).containsExactly(4L, 3L, 1L);
        assertThat(positions(types("A"), 2, true)).containsExactly(1L);
        assertThat(positions(tags("x"), 2, false)).containsExactly(2L);
        assertThat(positions(Query.ALL, 3, true)).containsExactly(3L, 2L, 1L);
        assertThat(positions(tags("nope"), 1, false)).isEmpty();
    }

    @Test
    void readNeverPassesTheCapturedHead() {
        append(event("A", "x"));
        long head = store.head();
        append(event("A", "x"));
        try (EventCursor cursor = store.read(tags("x"), 1, false, head)) {
            assertThat(cursor.next().position()).isEqualTo(1);
            assertThat(cursor.next()).isNull();
        }
    }

    @Test
    void zeroEventAppendReturnsZeroAndStoresNothing() {
        assertThat(append()).isZero();
        assertThat(store.head()).isZero();
        assertThat(ledger.lastTxId()).isZero();
    }

    @Test
    void invalidEventIsRejectedAndNothingIsStored() {
        append(event("A"));
        DcbEvent bad = new DcbEvent("T", List.of(), new byte[0], null,
                List.of(new MetadataEntry("k", "1"), new MetadataEntry("k", "2")));
        assertThatThrownBy(() -> append(bad)).isInstanceOf(CompletionException.class)
                .hasCauseInstanceOf(DcbException.class)
                .cause().hasMessage("invalid argument: event 0 has duplicate metadata key 'k'");
        assertThat(store.head()).isEqualTo(1);
        assertThat(ledger.lastTxId()).isEqualTo(1);
    }

    @Test
    void tooManyEventsForOneTransactionIsAClearInvalidArgument() {
        DcbEvent[] events = new DcbEvent[1025];
        java.util.Arrays.fill(events, event("A"));
        assertThatThrownBy(() -> append(events)).cause()
                .hasMessage("invalid argument: append has 1025 events, exceeding the maximum of 1024 events per"
                        + " append");
    }

    @Test
    void reopenRestoresHeadTrackingAndReads() throws Exception {
        append(event("A", "x"), event("B", "x"));
        store.append(new AppendRequest(List.of(), null, new TrackingInfo("s", 3))).join();
        reopen();
        assertThat(store.head()).isEqualTo(2);
        assertThat(store.trackingPosition("s")).hasValue(3);
        assertThat(positions(tags("x"), 1, false)).containsExactly(1L, 2L);
        assertThat(append(event("C"))).isEqualTo(3);
    }

    @Test
    void eventsAreLedgerEntriesWithThe0x04PrefixAndNonIndexable() throws Exception {
        append(event("A"));
        var entry = ledger.tx(1).entries().get(0);
        assertThat(entry.key()).containsExactly(0x04, 'E', 0, 0, 0, 0, 0, 0, 0, 1);
        assertThat(entry.metadata().nonIndexable()).isTrue();
        assertThat(ledger.index().latest(entry.key())).isEmpty();
    }

    @Test
    void watchersHearEveryCommitWithEvents() throws Exception {
        java.util.concurrent.atomic.AtomicInteger calls = new java.util.concurrent.atomic.AtomicInteger();
        try (AutoCloseable w = store.watch(calls::incrementAndGet)) {
            append(event("A"));
            append(event("B"));
        }
        append(event("C"));
        assertThat(calls.get()).isEqualTo(2);
    }
}
