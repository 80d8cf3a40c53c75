package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TrackingTest extends EventStoreTestBase {
    private long appendTracked(TrackingInfo tracking, DcbEvent... events) {
        return store.append(new AppendRequest(List.of(events), null, tracking)).join();
    }

    @Test
    void trackingIsRecordedAndCopiedOntoEveryEvent() {
        assertThat(store.trackingPosition("s")).isEmpty();
        assertThat(appendTracked(new TrackingInfo("s", 5), event("A"), event("B"))).isEqualTo(2);
        assertThat(store.trackingPosition("s")).hasValue(5);
        assertThat(store.event(1).record().tracking()).isEqualTo(new TrackingInfo("s", 5));
        assertThat(store.event(2).record().tracking()).isEqualTo(new TrackingInfo("s", 5));
    }

    @Test
    void nonIncreasingPositionFailsWithUmaDbsText() {
        appendTracked(new TrackingInfo("s", 5), event("A"));
        assertThatThrownBy(() -> appendTracked(new TrackingInfo("s", 5), event("B"))).cause()
                .hasMessage("integrity error: condition failed: non-increasing tracking position for source 's':"
                        + " 5 <= 5");
        assertThatThrownBy(() -> appendTracked(new TrackingInfo("s", 4), event("B"))).cause()
                .hasMessage("integrity error: condition failed: non-increasing tracking position for source 's':"
                        + " 4 <= 5");
        assertThat(appendTracked(new TrackingInfo("s", 100), event("B"))).isEqualTo(2);
        assertThat(appendTracked(new TrackingInfo("other", 1), event("C"))).isEqualTo(3);
    }

    @Test
    void zeroEventAppendRecordsTrackingOnlyAndReturnsZero() {
        assertThat(appendTracked(new TrackingInfo("s", 7))).isZero();
        assertThat(store.trackingPosition("s")).hasValue(7);
        assertThat(store.head()).isZero();
    }

    @Test
    void positionsCompareUnsigned() {
        appendTracked(new TrackingInfo("s", Long.MAX_VALUE), event("A"));
        assertThat(appendTracked(new TrackingInfo("s", -2L), event("A"))).isEqualTo(2);
        assertThatThrownBy(() -> appendTracked(new TrackingInfo("s", 1), event("A"))).cause()
                .hasMessageEndingWith("1 <= 18446744073709551614");
    }

    @Test
    void idempotentRetrySkipsTheTrackingCheck() {
        String uuid = "00000000-0000-0000-0000-00000000000a";
        AppendCondition c = new AppendCondition(tags("x"), 0);
        AppendRequest request = new AppendRequest(List.of(eventWithUuid(uuid, "A", "x")), c,
                new TrackingInfo("s", 3));
        long position = store.append(request).join();
        assertThat(store.append(request).join()).isEqualTo(position);
    }

    @Test
    void longSourceIsRejected() {
        assertThatThrownBy(() -> appendTracked(new TrackingInfo("s".repeat(256), 1), event("A"))).cause()
                .hasMessage("invalid argument: tracking source too long (256 > 255)");
    }

    @Test
    void trackingSurvivesReopen() throws Exception {
        appendTracked(new TrackingInfo("s", 9), event("A"));
        reopen();
        assertThatThrownBy(() -> appendTracked(new TrackingInfo("s", 9), event("B"))).cause()
                .hasMessageContaining("9 <= 9");
    }
}
