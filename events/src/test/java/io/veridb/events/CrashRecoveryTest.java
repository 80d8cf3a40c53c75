package io.veridb.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.ledger.Ledger;
import java.util.List;
import org.junit.jupiter.api.Test;

/** After a crash the ledger replays the event index from its log: head, reads, conditions and tracking survive. */
class CrashRecoveryTest extends EventStoreTestBase {
    @Test
    void indexIsRebuiltFromTheLogAfterACrash() throws Exception {
        append(event("A", "x"), event("B", "y"));
        store.append(new AppendRequest(List.of(event("C", "x")), null, new TrackingInfo("s", 4))).join();
        store.close();
        io.veridb.ledger.LedgerCrash.crash(ledger);
        ledger = Ledger.open(dir, options());
        store = EventStore.open(ledger);

        assertThat(store.head()).isEqualTo(3);
        assertThat(positions(tags("x"), 1, false)).containsExactly(1L, 3L);
        assertThat(positions(types("B"), 3, true)).containsExactly(2L);
        assertThat(store.trackingPosition("s")).hasValue(4);
        assertThat(store.event(3).record().tracking()).isEqualTo(new TrackingInfo("s", 4));
        assertThatThrownBy(() -> appendIf(new AppendCondition(tags("x"), 2), event("D"))).cause()
                .hasMessageStartingWith("integrity error: condition failed: ");
        assertThat(append(event("D"))).isEqualTo(4);
    }
}
