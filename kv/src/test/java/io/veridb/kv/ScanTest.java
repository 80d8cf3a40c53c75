package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScanTest extends KvStoreTestBase {

    @BeforeEach
    void fill() {
        for (String k : List.of("a1", "a2", "a3", "a4", "b1")) {
            set(k, "v" + k);
        }
    }

    @Test
    void scanReturnsKeysWithThePrefixInOrder() {
        assertThat(keys(ScanQuery.prefix(b("a")))).containsExactly("a1", "a2", "a3", "a4");
        assertThat(keys(ScanQuery.prefix(new byte[0]))).containsExactly("a1", "a2", "a3", "a4", "b1");
    }

    @Test
    void seekAndEndBoundsHonourTheirInclusiveFlags() {
        assertThat(keys(scan("a", "a2", "a4", true, true, false, 0, 0))).containsExactly("a2", "a3", "a4");
        assertThat(keys(scan("a", "a2", "a4", false, false, false, 0, 0))).containsExactly("a3");
    }

    @Test
    void descendingScanStartsAtTheSeekKeyAndStopsAtTheEndKey() {
        assertThat(keys(scan("a", "", "", true, true, true, 0, 0))).containsExactly("a4", "a3", "a2", "a1");
        assertThat(keys(scan("a", "a3", "a1", true, false, true, 0, 0))).containsExactly("a3", "a2");
        assertThat(keys(scan("a", "a3", "", false, true, true, 0, 0))).containsExactly("a2", "a1");
    }

    @Test
    void limitAndOffsetPage() {
        assertThat(keys(scan("", "", "", true, true, false, 2, 1))).containsExactly("a2", "a3");
    }

    @Test
    void paginationWithAnExclusiveSeekContinuesAfterThePreviousPage() {
        List<KvEntry> page1 = store.scan(scan("", "", "", false, false, false, 2, 0));
        List<KvEntry> page2 = store.scan(scan("", s(page1.get(1).key()), "", false, false, false, 2, 0));

        assertThat(page1).extracting(e -> s(e.key())).containsExactly("a1", "a2");
        assertThat(page2).extracting(e -> s(e.key())).containsExactly("a3", "a4");
    }

    @Test
    void deletedAndExpiredKeysAreSkippedAndOffsetCountsOnlyVisibleOnes() {
        store.delete(List.of(b("a1")), 0);
        setWith("a2", "x", expiresAt(clock.epochSecond()));

        assertThat(keys(ScanQuery.prefix(b("a")))).containsExactly("a3", "a4");
        assertThat(keys(scan("a", "", "", true, true, false, 0, 1))).containsExactly("a4");
    }

    @Test
    void referencesAreResolvedAndDanglingOnesSkipped() {
        ref("c-alias", "b1");
        ref("c-dangling", "a4");
        store.delete(List.of(b("a4")), 0);

        List<KvEntry> entries = store.scan(ScanQuery.prefix(b("c")));

        assertThat(entries).hasSize(1);
        assertThat(s(entries.get(0).key())).isEqualTo("b1");
        assertThat(s(entries.get(0).referencedBy().orElseThrow().key())).isEqualTo("c-alias");
    }

    @Test
    void scanValuesAreUnprefixedLatestValues() {
        set("a1", "new");

        KvEntry e = store.scan(ScanQuery.prefix(b("a1"))).get(0);

        assertThat(s(e.value())).isEqualTo("new");
        assertThat(e.revision()).isEqualTo(2);
    }

    @Test
    void zeroLimitMeansTheMaximumAndALargerLimitIsRejected() {
        assertKvErrorStarting(() -> store.scan(scan("", "", "", true, true, false, 2501, 0)), KvErrorCode.UNKNOWN,
                "result size limit exceeded");
        assertThat(store.scan(scan("", "", "", true, true, false, 2500, 0))).hasSize(5);
    }

    @Test
    void scanDoesNotSeeSortedSetMembers() {
        zAdd("a-set", 1, "a1");

        assertThat(keys(ScanQuery.prefix(new byte[0]))).hasSize(5);
    }

    @Test
    void countCountsVisibleKeysUnderAPrefix() {
        ref("a-ref", "b1");
        store.delete(List.of(b("a1")), 0);
        zAdd("zs", 1, "b1");

        assertThat(store.count(b("a"))).isEqualTo(4);
        assertThat(store.countAll()).isEqualTo(5);
    }

    @Test
    void sinceTxBeyondTheLastTransactionIsIllegalArguments() {
        assertKvError(() -> store.scan(new ScanQuery(new byte[0], new byte[0], new byte[0], true, true, false, 0, 0,
                99, false)), KvErrorCode.INVALID_ARGUMENT, "illegal arguments");
    }

    private List<String> keys(ScanQuery q) {
        return store.scan(q).stream().map(e -> s(e.key())).toList();
    }

    private static ScanQuery scan(String prefix, String seek, String end, boolean inclSeek, boolean inclEnd,
            boolean desc, long limit, long offset) {
        return new ScanQuery(b(prefix), b(seek), b(end), inclSeek, inclEnd, desc, limit, offset, 0, false);
    }
}
