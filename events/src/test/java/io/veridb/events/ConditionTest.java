package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;

class ConditionTest extends EventStoreTestBase {
    private static final String U1 = "00000000-0000-0000-0000-000000000001";
    private static final String U2 = "00000000-0000-0000-0000-000000000002";

    private void assertConflict(Runnable append, String messageStart) {
        assertThatThrownBy(append::run).isInstanceOf(CompletionException.class)
                .cause().isInstanceOfSatisfying(DcbException.class,
                        e -> assertThat(e.kind()).isEqualTo(DcbException.Kind.INTEGRITY))
                .message().startsWith(messageStart);
    }

    @Test
    void matchingEventFailsTheAppendWithUmaDbsText() {
        append(event("A", "t1", "t0"));
        long head = store.head();
        assertThatThrownBy(() -> appendIf(new AppendCondition(
                new Query(List.of(new QueryItem(List.of("A"), List.of("t1")))), 0), event("B")))
                .cause().hasMessage("integrity error: condition failed: condition: DcbAppendCondition {"
                        + " fail_if_events_match: DcbQuery { items: [DcbQueryItem { types: [\"A\"], tags: [\"t1\"] }]"
                        + " }, after: None } matched: DcbSequencedEvent { position: 1, event: DcbEvent {"
                        + " event_type: \"A\", tags: [\"t1\", \"t0\"], data: [65], uuid: None, metadata: [] },"
                        + " tracking_info: None }, ");
        assertThat(store.head()).isEqualTo(head);
    }

    @Test
    void afterIsExclusive() {
        long first = append(event("A", "x"));
        assertThat(appendIf(new AppendCondition(tags("x"), first), event("A", "x"))).isEqualTo(2);
        assertConflict(() -> appendIf(new AppendCondition(tags("x"), first), event("B")),
                "integrity error: condition failed: ");
        assertThat(appendIf(new AppendCondition(tags("x"), 2), event("B"))).isEqualTo(3);
    }

    @Test
    void emptyQueryMatchesEverythingAndAfterUnsignedMaxMatchesNothing() {
        append(event("A"));
        assertConflict(() -> appendIf(new AppendCondition(Query.ALL, 0), event("B")), "integrity error: ");
        assertThat(appendIf(new AppendCondition(Query.ALL, 1), event("B"))).isEqualTo(2);
        assertThat(appendIf(new AppendCondition(Query.ALL, -1L), event("C"))).isEqualTo(3);
    }

    @Test
    void typeOnlyConditionUsesTheTypeIndex() {
        append(event("A", "x"), event("B"));
        assertConflict(() -> appendIf(new AppendCondition(types("B"), 0), event("C")), "integrity error: ");
        assertThat(appendIf(new AppendCondition(types("C"), 0), event("C"))).isEqualTo(3);
    }

    @Test
    void idempotentRetryReturnsTheOriginalPositionAndWritesNothing() {
        AppendCondition c = new AppendCondition(tags("x"), 0);
        long position = appendIf(c, eventWithUuid(U1, "A", "x"), eventWithUuid(U2, "A", "x"));
        long tx = ledger.lastTxId();
        assertThat(appendIf(c, eventWithUuid(U1, "A", "x"), eventWithUuid(U2, "A", "x"))).isEqualTo(position);
        assertThat(ledger.lastTxId()).isEqualTo(tx);
        assertThat(store.head()).isEqualTo(2);
    }

    @Test
    void idempotencyIsPositional() {
        AppendCondition c = new AppendCondition(tags("x"), 0);
        appendIf(c, eventWithUuid(U1, "A", "x"), eventWithUuid(U2, "A", "x"));
        assertConflict(() -> appendIf(c, eventWithUuid(U2, "A", "x"), eventWithUuid(U1, "A", "x")),
                "integrity error: condition failed: condition:");
        // The first N matches are compared, so a retry of a prefix is recognised (as in UmaDB).
        assertThat(appendIf(c, eventWithUuid(U1, "A", "x"))).isEqualTo(1);
        assertConflict(() -> appendIf(c, eventWithUuid(U2, "A", "x")), "integrity error: ");
    }

    @Test
    void idempotencyNeedsEveryEventToCarryAUuid() {
        AppendCondition c = new AppendCondition(tags("x"), 0);
        appendIf(c, eventWithUuid(U1, "A", "x"), event("A", "x"));
        assertConflict(() -> appendIf(c, eventWithUuid(U1, "A", "x"), event("A", "x")), "integrity error: ");
    }

    @Test
    void unconditionalDuplicateUuidsAreAppendedAgain() {
        assertThat(append(eventWithUuid(U1, "A"))).isEqualTo(1);
        assertThat(append(eventWithUuid(U1, "A"))).isEqualTo(2);
    }

    @Test
    void zeroEventAppendWithFailingConditionIsACleanIntegrityError() {
        append(event("A", "x"));
        assertConflict(() -> appendIf(new AppendCondition(tags("x"), 0)), "integrity error: condition failed: ");
        assertThat(appendIf(new AppendCondition(tags("x"), 1))).isZero();
    }

    @Test
    void conditionIsCheckedBeforeValidationAsUmaDbOrdersIt() {
        append(event("A", "x"));
        DcbEvent invalid = new DcbEvent("B", List.of(), new byte[0], null,
                List.of(new MetadataEntry("k", ""), new MetadataEntry("k", "")));
        assertConflict(() -> appendIf(new AppendCondition(tags("x"), 0), invalid), "integrity error: ");
        assertThatThrownBy(() -> appendIf(new AppendCondition(tags("x"), 1), invalid)).cause()
                .hasMessageStartingWith("invalid argument: ");
    }
}
