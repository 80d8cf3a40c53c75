package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.proofs.Hashes;
import io.veridb.proofs.TxHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

class TxReadTest extends KvStoreTestBase {

    @Test
    void txByIdWithoutSpecReturnsEveryRawEntryWithoutValues() {
        set("k", "v");
        TxHeader h = store.execAll(List.of(new KvWrite(b("a"), b("1")), new ZAddSpec(b("s"), 1, b("k"), 0, false)),
                List.of());

        TxView tx = store.txById(TxQuery.of(h.id()));

        assertThat(tx.header()).isEqualTo(h);
        assertThat(tx.entries()).hasSize(2);
        assertThat(tx.entries()).allSatisfy(e -> assertThat(e.value()).isEmpty());
        assertThat(tx.entries().get(0).hValue()).isEqualTo(Hashes.sha256(KvEncoding.plainValue(b("1"))));
        assertThat(tx.kvEntries()).isEmpty();
        assertThat(tx.zEntries()).isEmpty();
    }

    @Test
    void specShapesEachEntryKindSeparately() {
        set("k", "v");
        TxHeader h = store.execAll(List.of(new KvWrite(b("a"), b("1")), new ZAddSpec(b("s"), 1, b("k"), 0, false)),
                List.of());

        TxView onlyKv = tx(h, EntryAction.RAW_VALUE, EntryAction.EXCLUDE);
        TxView resolved = tx(h, EntryAction.RESOLVE, EntryAction.RESOLVE);
        TxView digestsOfZ = tx(h, EntryAction.EXCLUDE, EntryAction.ONLY_DIGEST);

        assertThat(onlyKv.entries()).singleElement().satisfies(
                e -> assertThat(e.value()).hasValueSatisfying(v -> assertThat(v).isEqualTo(KvEncoding.plainValue(b("1")))));
        assertThat(resolved.entries()).isEmpty();
        assertThat(resolved.kvEntries()).singleElement().satisfies(e -> assertThat(s(e.value())).isEqualTo("1"));
        assertThat(resolved.zEntries()).singleElement().satisfies(z -> {
            assertThat(s(z.key())).isEqualTo("k");
            assertThat(z.entry()).hasValueSatisfying(e -> assertThat(s(e.value())).isEqualTo("v"));
        });
        assertThat(digestsOfZ.entries()).singleElement()
                .satisfies(e -> assertThat(e.key()[0]).isEqualTo(KvEncoding.ZSET_PREFIX));
        assertThat(tx(h, EntryAction.EXCLUDE, EntryAction.EXCLUDE).entries()).isEmpty();
    }

    @Test
    void resolveFollowsReferencesUnlessAskedToKeepThemUnresolved() {
        TxHeader t = set("k", "v");
        TxHeader r = ref("alias", "k");
        EntriesSpec resolve = new EntriesSpec(EntryAction.RESOLVE, EntryAction.RESOLVE, EntryAction.EXCLUDE);

        KvEntry resolved = store.txById(new TxQuery(r.id(), resolve, 0, false, false)).kvEntries().get(0);
        KvEntry unresolved = store.txById(new TxQuery(r.id(), resolve, 0, false, true)).kvEntries().get(0);

        assertThat(s(resolved.value())).isEqualTo("v");
        assertThat(resolved.tx()).isEqualTo(t.id());
        assertThat(s(unresolved.key())).isEqualTo("k");
        assertThat(unresolved.value()).isEmpty();
        assertThat(s(unresolved.referencedBy().orElseThrow().key())).isEqualTo("alias");
    }

    @Test
    void resolveLeavesOutDeleteMarkers() {
        set("k", "v");
        TxHeader d = store.delete(List.of(b("k")), 0);

        assertThat(tx(d, EntryAction.RESOLVE, EntryAction.EXCLUDE).kvEntries()).isEmpty();
    }

    @Test
    void unknownTransactionIsTxNotFound() {
        set("k", "v");

        assertKvError(() -> store.txById(TxQuery.of(2)), KvErrorCode.UNKNOWN, "tx not found");
        assertKvErrorStarting(() -> store.txById(TxQuery.of(0)), KvErrorCode.UNKNOWN, "tx not found");
    }

    @Test
    void txScanWalksForwardOrBackwardWithinTheLimit() {
        for (int i = 1; i <= 5; i++) {
            set("k" + i, "v");
        }

        assertThat(ids(new TxScanQuery(2, 2, false, EntriesSpec.ALL_DIGESTS, 0, false))).containsExactly(2L, 3L);
        assertThat(ids(new TxScanQuery(4, 0, true, EntriesSpec.ALL_DIGESTS, 0, false))).containsExactly(4L, 3L, 2L, 1L);
        assertThat(ids(new TxScanQuery(9, 0, false, EntriesSpec.ALL_DIGESTS, 0, false))).isEmpty();
    }

    @Test
    void txScanRejectsTxZeroAndLimitsAboveTheMaximum() {
        set("k", "v");

        assertKvError(() -> store.txScan(new TxScanQuery(0, 0, false, EntriesSpec.ALL_DIGESTS, 0, false)),
                KvErrorCode.INVALID_ARGUMENT, "illegal arguments");
        assertKvErrorStarting(() -> store.txScan(new TxScanQuery(1, 2501, false, EntriesSpec.ALL_DIGESTS, 0, false)),
                KvErrorCode.UNKNOWN, "result size limit exceeded");
    }

    @Test
    void stateIsTheLastTransactionAndItsAlh() {
        assertThat(store.state().txId()).isZero();
        assertThat(store.state().alh()).isEqualTo(Hashes.sha256());

        TxHeader h = set("k", "v");

        assertThat(store.state().txId()).isEqualTo(h.id());
        assertThat(store.state().alh()).isEqualTo(h.alh());
    }

    private TxView tx(TxHeader h, EntryAction kv, EntryAction z) {
        return store.txById(new TxQuery(h.id(), new EntriesSpec(kv, z, EntryAction.EXCLUDE), 0, false, false));
    }

    private List<Long> ids(TxScanQuery q) {
        return store.txScan(q).stream().map(t -> t.header().id()).toList();
    }
}
