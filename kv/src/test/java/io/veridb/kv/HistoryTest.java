package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class HistoryTest extends KvStoreTestBase {

    @BeforeEach
    void fill() {
        for (int i = 1; i <= 4; i++) {
            set("k", "v" + i);
            set("noise" + i, "x");
        }
    }

    @Test
    void historyListsEveryVersionInTransactionOrderWithRevisions() {
        List<KvEntry> h = store.history(HistoryQuery.of(b("k")));

        assertThat(h).extracting(e -> s(e.value())).containsExactly("v1", "v2", "v3", "v4");
        assertThat(h).extracting(KvEntry::revision).containsExactly(1L, 2L, 3L, 4L);
        assertThat(h).extracting(KvEntry::tx).containsExactly(1L, 3L, 5L, 7L);
        assertThat(h).allSatisfy(e -> assertThat(s(e.key())).isEqualTo("k"));
    }

    @Test
    void historyHonoursDescOffsetAndLimit() {
        List<KvEntry> h = store.history(new HistoryQuery(b("k"), 1, 2, true, 0));

        assertThat(h).extracting(e -> s(e.value())).containsExactly("v3", "v2");
    }

    @Test
    void offsetPastTheEndIsAnEmptyPage() {
        assertThat(store.history(new HistoryQuery(b("k"), 10, 0, false, 0))).isEmpty();
    }

    @Test
    void unknownKeyIsKeyNotFound() {
        assertKvError(() -> store.history(HistoryQuery.of(b("nope"))), KvErrorCode.UNKNOWN, "tbtree: key not found");
    }

    @Test
    void historyOfAReferenceShowsTheStoredReferenceUnresolved() {
        ref("alias", "k");

        KvEntry e = store.history(HistoryQuery.of(b("alias"))).get(0);

        assertThat(e.value()).isEqualTo(KvEncoding.strip(KvEncoding.referenceValue(b("k"), 0)));
        assertThat(e.referencedBy()).isEmpty();
    }

    @Test
    void limitAboveTheMaximumOrNegativeIsResultSizeLimitExceeded() {
        assertKvErrorStarting(() -> store.history(new HistoryQuery(b("k"), 0, 2501, false, 0)), KvErrorCode.UNKNOWN,
                "result size limit exceeded");
        assertKvErrorStarting(() -> store.history(new HistoryQuery(b("k"), 0, -1, false, 0)), KvErrorCode.UNKNOWN,
                "result size limit exceeded");
    }
}
