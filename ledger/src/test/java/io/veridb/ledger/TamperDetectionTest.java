package io.veridb.ledger;

import static io.veridb.ledger.LedgerFixtures.kv;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.proofs.DualProofs;
import io.veridb.proofs.NodeLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A changed byte in each kind of file is caught: by the offline verifier (naming tx, file and offset), by
 * proof-checked reads, and for the last transactions already at open (the ledger then refuses writes).
 */
class TamperDetectionTest {

    private static final int N = 40;
    private static final long VICTIM = 20;
    /** A transaction whose value is too big to be inline, so it lies in the value log. */
    private static final long VLOG_VICTIM = 25;

    @TempDir
    static Path tmp;

    private static Path clean;
    private static final List<byte[]> trusted = new ArrayList<>();
    private static LedgerFixtures.Layout victim;
    private static LedgerFixtures.Layout vlogVictim;

    @BeforeAll
    static void buildCleanLedger() throws Exception {
        clean = tmp.resolve("clean");
        try (Ledger l = Ledger.open(clean, LedgerOptions.defaults())) {
            for (int i = 1; i <= N; i++) {
                List<EntrySpec> es = new ArrayList<>();
                for (int j = 0; j <= i % 3; j++) {
                    es.add(kv("k" + i + "." + j, "value-" + i + "-" + j));
                }
                if (i % 10 == 5) {
                    es.add(new EntrySpec(("big" + i).getBytes(), new byte[LedgerOptions.defaults()
                            .inlineValuesBytes() + 1]));
                }
                l.commit(es).get();
            }
            trusted.add(null);
            for (int i = 1; i <= N; i++) {
                trusted.add(l.alh(i));
            }
        }
        victim = LedgerFixtures.layout(clean, VICTIM);
        vlogVictim = LedgerFixtures.layout(clean, VLOG_VICTIM);
        assertThat(victim.valueDir()).as("small values are inline").isEqualTo(LogStore.TX_DIR);
        assertThat(vlogVictim.valueDir()).isEqualTo(LogStore.VALUE_DIR);
    }

    private static Path copy(String name) throws Exception {
        Path d = tmp.resolve(name);
        LedgerFixtures.copyTree(clean, d);
        return d;
    }

    /** Options whose open-time re-check does not reach the victim, so reads must catch it. */
    private static LedgerOptions shallowRecheck() {
        return LedgerOptions.defaults().withRecheckTxs(3);
    }

    private static void assertVerifierReports(Path d, String file, long offset) throws Exception {
        assertVerifierReports(d, VICTIM, file, offset);
    }

    private static void assertVerifierReports(Path d, long victimTx, String file, long offset) throws Exception {
        LedgerVerifier.Report r = LedgerVerifier.verify(d);
        assertThat(r.intact()).as(r.toString()).isFalse();
        assertThat(r.firstBrokenTx()).as(r.toString()).isEqualTo(victimTx);
        assertThat(r.file()).isEqualTo(file);
        assertThat(r.offset()).isEqualTo(offset);
        assertThat(r.verifiedTxs()).isEqualTo(victimTx - 1);
    }

    @Test
    void changedTxRecordByteIsCaughtByVerifierAndByReadingTheTransaction() throws Exception {
        Path d = copy("txlog");
        LedgerFixtures.flipByte(d.resolve("tx").resolve(victim.txFile()), victim.recordOffset() + 20);
        assertVerifierReports(d, victim.txFile(), victim.recordOffset());
        try (Ledger l = Ledger.open(d, shallowRecheck())) {
            assertThatThrownBy(() -> l.tx(VICTIM)).isInstanceOf(CorruptLogException.class)
                    .hasMessageContaining("crc").hasMessageContaining("file=" + victim.txFile())
                    .hasMessageContaining("offset=" + victim.recordOffset()).hasMessageContaining("tx=" + VICTIM);
            assertThatThrownBy(() -> l.value(VICTIM, 0)).as("a point read checks the record too")
                    .isInstanceOf(CorruptLogException.class).hasMessageContaining("crc")
                    .hasMessageContaining("file=" + victim.txFile()).hasMessageContaining("tx=" + VICTIM);
            assertThat(l.tx(VICTIM - 1).header().id()).isEqualTo(VICTIM - 1);
        }
    }

    @Test
    void changedInlineValueByteIsCaughtByVerifierAndByReadingTheValue() throws Exception {
        assertChangedValueIsCaught("inline", VICTIM, victim);
    }

    @Test
    void changedValueLogByteIsCaughtByVerifierAndByReadingTheValue() throws Exception {
        assertChangedValueIsCaught("vlog", VLOG_VICTIM, vlogVictim);
    }

    private static void assertChangedValueIsCaught(String name, long victimTx, LedgerFixtures.Layout at)
            throws Exception {
        Path d = copy(name);
        LedgerFixtures.flipByte(LedgerFixtures.valueFile(d, at), at.valueOffset() + 2);
        assertVerifierReports(d, victimTx, at.valueFile(), at.valueOffset());
        try (Ledger l = Ledger.open(d, LedgerOptions.defaults())) {
            CorruptLogException e = (CorruptLogException) org.assertj.core.api.Assertions.catchThrowable(
                    () -> l.value(victimTx, 0));
            assertThat(e).hasMessageContaining("value hash mismatch");
            assertThat(e.file()).isEqualTo(at.valueFile());
            assertThat(e.offset()).isEqualTo(at.valueOffset());
            assertThat(e.txId()).isEqualTo(victimTx);
            assertThat(l.tx(victimTx).header().id()).as("the header does not need the values").isEqualTo(victimTx);
        }
    }

    @Test
    void changedAlhInNodeFileIsCaughtByVerifierAndFailsDualProofs() throws Exception {
        Path d = copy("alh");
        long slot = NodeLayout.position(0, VICTIM - 1);
        long off = 32 + 32 * slot;
        LedgerFixtures.flipByte(d.resolve(NodeStore.FILE), off + 5);
        assertVerifierReports(d, NodeStore.FILE, off);
        try (Ledger l = Ledger.open(d, shallowRecheck())) {
            // the client trusts the Alh values it saw before the change
            var p = l.dualProof(VICTIM, N);
            assertThat(DualProofs.verify(p, VICTIM, N, trusted.get((int) VICTIM), trusted.get(N)).isOk()).isFalse();
        }
    }

    @Test
    void changedInnerTreeNodeIsCaughtByVerifierAndFailsSomeDualProof() throws Exception {
        Path d = copy("node");
        long slot = NodeLayout.position(1, VICTIM / 2 - 1); // node over txs 19..20, written with leaf 20
        long off = 32 + 32 * slot;
        LedgerFixtures.flipByte(d.resolve(NodeStore.FILE), off);
        assertVerifierReports(d, NodeStore.FILE, off);
        try (Ledger l = Ledger.open(d, shallowRecheck())) {
            int failed = 0;
            for (long s = 1; s < N; s++) {
                var p = l.dualProof(s, N);
                if (!DualProofs.verify(p, s, N, trusted.get((int) s), trusted.get(N)).isOk()) {
                    failed++;
                }
            }
            assertThat(failed).isPositive();
        }
    }

    @Test
    void changedOffsetIsCaughtByVerifierAndByReadingTheTransaction() throws Exception {
        Path d = copy("offsets");
        LedgerFixtures.flipByte(d.resolve(TxOffsets.FILE), victim.offsetsSlot() + 7);
        assertVerifierReports(d, TxOffsets.FILE, victim.offsetsSlot());
        try (Ledger l = Ledger.open(d, shallowRecheck())) {
            assertThatThrownBy(() -> l.tx(VICTIM)).isInstanceOf(CorruptLogException.class)
                    .hasMessageContaining(TxOffsets.FILE).hasMessageContaining("tx=" + VICTIM);
            assertThatThrownBy(() -> l.value(VICTIM, 0)).isInstanceOf(CorruptLogException.class)
                    .hasMessageContaining(TxOffsets.FILE).hasMessageContaining("tx=" + VICTIM);
        }
    }

    @Test
    void changedCheckpointByteFailsItsCrcAndRecoveryFallsBackWithoutLoss() throws Exception {
        Path d = copy("checkpoint");
        for (long off = 0; off < 2 * Checkpoint.SLOT; off += 13) {
            LedgerFixtures.flipByte(d.resolve(Checkpoint.FILE), off);
        }
        try (Ledger l = Ledger.open(d, LedgerOptions.defaults())) {
            assertThat(l.lastTxId()).isEqualTo(N);
            assertThat(l.alh(N)).isEqualTo(trusted.get(N));
            assertThat(l.failure()).isEmpty();
        }
        assertThat(LedgerVerifier.verify(d).intact()).isTrue();
    }

    @Test
    void changedSegmentHeaderIsReportedAtOpenAndByVerifier() throws Exception {
        Path d = copy("header");
        LedgerFixtures.flipByte(d.resolve("tx").resolve(victim.txFile()), 3);
        assertThatThrownBy(() -> Ledger.open(d, LedgerOptions.defaults())).isInstanceOf(CorruptLogException.class)
                .hasMessageContaining("file=" + victim.txFile()).hasMessageContaining("offset=0");
        LedgerVerifier.Report r = LedgerVerifier.verify(d);
        assertThat(r.intact()).isFalse();
        assertThat(r.file()).isEqualTo(victim.txFile());
    }

    @Test
    void changedByteInALastTransactionIsCaughtAtOpenAndTheLedgerRefusesWrites() throws Exception {
        Path d = copy("tail");
        LedgerFixtures.Layout lastTx = LedgerFixtures.layout(d, N - 1);
        LedgerFixtures.flipByte(d.resolve("tx").resolve(lastTx.txFile()), lastTx.recordOffset() + 9);
        try (Ledger l = Ledger.open(d, LedgerOptions.defaults())) {
            assertThat(l.failure()).get().isInstanceOf(CorruptLogException.class);
            CorruptLogException e = (CorruptLogException) l.failure().get();
            assertThat(e.txId()).isEqualTo(N - 1);
            assertThat(e.file()).isEqualTo(lastTx.txFile());
            assertThat(e.offset()).isEqualTo(lastTx.recordOffset());
            assertThatThrownBy(() -> l.commit(List.of(kv("x", "y"))).get()).cause()
                    .isInstanceOf(LedgerFailedException.class).hasMessageContaining("tx=" + (N - 1));
        }
    }

    @Test
    void cutLogBelowTheCheckpointIsCorruptionNotATornTail() throws Exception {
        Path d = copy("cut");
        LedgerFixtures.truncate(d.resolve("tx").resolve(victim.txFile()), victim.recordEnd());
        LedgerVerifier.Report r = LedgerVerifier.verify(d);
        assertThat(r.intact()).isFalse();
        assertThat(r.problem()).contains("tail was cut");
        try (Ledger l = Ledger.open(d, LedgerOptions.defaults())) {
            assertThat(l.failure()).isPresent();
            assertThat(l.lastTxId()).isEqualTo(VICTIM);
        }
    }
}
