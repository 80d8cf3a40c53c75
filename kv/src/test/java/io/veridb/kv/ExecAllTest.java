package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.proofs.TxHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ExecAllTest extends KvStoreTestBase {

    @Test
    void allOperationsLandInOneTransactionInRequestOrder() {
        set("existing", "e");

        TxHeader h = store.execAll(List.of(
                new KvWrite(b("k"), b("v")),
                new ZAddSpec(b("s"), 2, b("k"), 0, false),
                new RefSpec(b("r"), b("existing"), 0, false)), List.of());

        TxView tx = store.txById(TxQuery.of(h.id()));
        assertThat(h.nentries()).isEqualTo(3);
        assertThat(tx.entries().get(0).key()).isEqualTo(KvEncoding.kvKey(b("k")));
        assertThat(tx.entries().get(1).key()).isEqualTo(KvEncoding.zsetKey(b("s"), 2, b("k"), 0));
        assertThat(tx.entries().get(2).key()).isEqualTo(KvEncoding.kvKey(b("r")));
        assertThat(s(get("r").value())).isEqualTo("e");
    }

    @Test
    void referenceAndMemberMayTargetAKeyWrittenInTheSameRequest() {
        store.execAll(List.of(
                new RefSpec(b("r"), b("k"), 0, false),
                new KvWrite(b("k"), b("v")),
                new ZAddSpec(b("s"), 1, b("k"), 0, false)), List.of());

        assertThat(s(get("r").value())).isEqualTo("v");
        assertThat(store.zScan(ZScanQuery.of(b("s")))).hasSize(1);
    }

    @Test
    void boundRefWithAtTxZeroBindsToTheTransactionBeingWritten() {
        set("k", "old");

        TxHeader h = store.execAll(List.of(
                new KvWrite(b("k"), b("new")),
                new RefSpec(b("r"), b("k"), 0, true),
                new ZAddSpec(b("s"), 1, b("k"), 0, true)), List.of());
        set("k", "newer");

        KvEntry viaRef = get("r");
        assertThat(viaRef.referencedBy().orElseThrow().atTx()).isEqualTo(h.id());
        assertThat(s(viaRef.value())).isEqualTo("new");
        ZEntry z = store.zScan(ZScanQuery.of(b("s"))).get(0);
        assertThat(z.atTx()).isEqualTo(h.id());
        assertThat(z.entry()).hasValueSatisfying(e -> assertThat(s(e.value())).isEqualTo("new"));
    }

    @Test
    void rejectsEmptyRequestsDuplicatesAndMissingTargets() {
        assertKvError(() -> store.execAll(List.of(), List.of()), KvErrorCode.INVALID_ARGUMENT, "empty set");
        assertKvError(() -> store.execAll(List.of(new KvWrite(b("k"), b("1")), new KvWrite(b("k"), b("2"))),
                List.of()), KvErrorCode.INVALID_ARGUMENT, "duplicated keys are not supported in single batch transaction");
        assertKvError(() -> store.execAll(List.of(new ZAddSpec(b("s"), 1, b("nope"), 0, false)), List.of()),
                KvErrorCode.UNKNOWN, "tbtree: key not found");
        assertKvError(() -> store.execAll(List.of(new RefSpec(b("r"), b("nope"), 0, false)), List.of()),
                KvErrorCode.UNKNOWN, "tbtree: key not found");
        assertThat(store.state().txId()).isZero();
    }

    @Test
    void duplicatedMembersOrReferencesAreRejected() {
        set("k", "v");

        assertKvError(() -> store.execAll(List.of(new ZAddSpec(b("s"), 1, b("k"), 0, false),
                new ZAddSpec(b("s"), 1, b("k"), 0, false)), List.of()), KvErrorCode.INVALID_ARGUMENT,
                "duplicated index inside zAdd insertions are not supported in single batch transaction");
        assertKvError(() -> store.execAll(List.of(new RefSpec(b("r"), b("k"), 0, false),
                new RefSpec(b("r"), b("k"), 0, false)), List.of()), KvErrorCode.INVALID_ARGUMENT,
                "duplicated references insertions are not supported in single batch transaction");
    }

    @Test
    void tooManyOperationsIsMaxEntriesExceeded() {
        List<Op> ops = new java.util.ArrayList<>();
        for (int i = 0; i < 1025; i++) {
            ops.add(new KvWrite(b("k" + i), b("v")));
        }

        assertKvErrorStarting(() -> store.execAll(ops, List.of()), KvErrorCode.UNKNOWN,
                "max number of entries per tx exceeded").hasMessageContaining("1025");
    }
}
