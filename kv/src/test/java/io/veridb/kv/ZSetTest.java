package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.proofs.Hashes;
import io.veridb.proofs.TxHeader;
import java.util.List;
import java.util.OptionalDouble;
import org.junit.jupiter.api.Test;

class ZSetTest extends KvStoreTestBase {

    @Test
    void zAddWritesTheEncodedMemberKeyWithAnEmptyValue() {
        set("k1", "v");

        TxHeader h = zAdd("myset", 1.5, "k1");

        RawEntry e = store.txById(TxQuery.of(h.id())).entries().get(0);
        assertThat(e.key()).isEqualTo(KvEncoding.zsetKey(b("myset"), 1.5, b("k1"), 0));
        assertThat(e.vLen()).isZero();
        assertThat(e.hValue()).isEqualTo(Hashes.sha256());
        assertThat(e.metadata().isEmpty()).isTrue();
    }

    @Test
    void zScanOrdersByEncodedScoreBitsSoNegativeScoresComeLast() {
        for (String k : List.of("a", "b", "c", "d")) {
            set(k, "v" + k);
        }
        zAdd("s", 3, "a");
        zAdd("s", -1, "b");
        zAdd("s", 1, "c");
        zAdd("s", -5, "d");

        List<ZEntry> entries = store.zScan(ZScanQuery.of(b("s")));

        assertThat(entries).extracting(ZEntry::score).containsExactly(1.0, 3.0, -1.0, -5.0);
        assertThat(entries).extracting(z -> s(z.key())).containsExactly("c", "a", "b", "d");
        assertThat(entries.get(0).entry()).hasValueSatisfying(e -> assertThat(s(e.value())).isEqualTo("vc"));
    }

    @Test
    void zScanFiltersByMinAndMaxScore() {
        for (int i = 1; i <= 5; i++) {
            set("k" + i, "v");
            zAdd("s", i, "k" + i);
        }

        ZScanQuery q = new ZScanQuery(b("s"), new byte[0], 0, 0, true, 0, false, OptionalDouble.of(2),
                OptionalDouble.of(4), 0, false, 0);

        assertThat(store.zScan(q)).extracting(ZEntry::score).containsExactly(2.0, 3.0, 4.0);
    }

    @Test
    void zScanSeeksDescendsAndHonoursLimitAndOffset() {
        for (int i = 1; i <= 5; i++) {
            set("k" + i, "v");
            zAdd("s", i, "k" + i);
        }
        ZScanQuery afterSeek = new ZScanQuery(b("s"), b("k2"), 2, 0, false, 2, false, OptionalDouble.empty(),
                OptionalDouble.empty(), 0, false, 0);
        ZScanQuery descFromSeek = new ZScanQuery(b("s"), b("k4"), 4, 0, true, 0, true, OptionalDouble.empty(),
                OptionalDouble.empty(), 0, false, 1);

        assertThat(store.zScan(afterSeek)).extracting(ZEntry::score).containsExactly(3.0, 4.0);
        assertThat(store.zScan(descFromSeek)).extracting(ZEntry::score).containsExactly(3.0, 2.0, 1.0);
    }

    @Test
    void boundMemberResolvesToTheVersionOfItsTransaction() {
        TxHeader t1 = set("k", "v1");
        set("k", "v2");

        store.zAdd(new ZAddSpec(b("s"), 1, b("k"), t1.id(), true));

        ZEntry z = store.zScan(ZScanQuery.of(b("s"))).get(0);
        assertThat(z.atTx()).isEqualTo(t1.id());
        assertThat(z.entry()).hasValueSatisfying(e -> assertThat(s(e.value())).isEqualTo("v1"));
    }

    @Test
    void memberKeyMustExistAndNotBeAReference() {
        set("k", "v");
        ref("alias", "k");

        assertKvError(() -> zAdd("s", 1, "missing"), KvErrorCode.UNKNOWN, "tbtree: key not found");
        assertKvError(() -> zAdd("s", 1, "alias"), KvErrorCode.UNKNOWN, "referenced key cannot be a reference");
    }

    @Test
    void setAndKeyMustBeNonEmptyAndBoundRefMustMatchAtTx() {
        set("k", "v");

        assertKvError(() -> zAdd("", 1, "k"), KvErrorCode.INVALID_ARGUMENT, "illegal arguments");
        assertKvError(() -> store.zAdd(new ZAddSpec(b("s"), 1, b("k"), 1, false)), KvErrorCode.INVALID_ARGUMENT,
                "illegal arguments");
        assertKvError(() -> store.zAdd(new ZAddSpec(b("s"), 1, b("k"), 0, true)), KvErrorCode.INVALID_ARGUMENT,
                "illegal arguments");
    }

    @Test
    void membersOfDeletedKeysAreSkipped() {
        set("a", "1");
        set("b", "2");
        zAdd("s", 1, "a");
        zAdd("s", 2, "b");
        store.delete(List.of(b("a")), 0);

        assertThat(store.zScan(ZScanQuery.of(b("s")))).extracting(z -> s(z.key())).containsExactly("b");
    }

    @Test
    void setsAreSeparateEvenWhenOneNameIsAPrefixOfAnother() {
        set("k", "v");
        zAdd("s", 1, "k");
        zAdd("ss", 2, "k");

        assertThat(store.zScan(ZScanQuery.of(b("s")))).extracting(ZEntry::score).containsExactly(1.0);
    }

    @Test
    void zScanLimitAboveTheMaximumIsResultSizeLimitExceeded() {
        ZScanQuery q = new ZScanQuery(b("s"), new byte[0], 0, 0, true, 2501, false, OptionalDouble.empty(),
                OptionalDouble.empty(), 0, false, 0);

        assertKvErrorStarting(() -> store.zScan(q), KvErrorCode.UNKNOWN, "result size limit exceeded: ")
                .hasMessageContaining("2501").hasMessageContaining("2500");
    }
}
