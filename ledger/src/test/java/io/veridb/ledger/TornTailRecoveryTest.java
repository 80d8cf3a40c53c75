package io.veridb.ledger;

import static io.veridb.ledger.LedgerFixtures.kv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every torn-tail shape: each file of a ledger cut at every offset within its last record, as a crash in the
 * middle of the last batch leaves it. Recovery must cut torn log records, re-derive torn derived files, keep the
 * chain intact and accept new commits.
 */
class TornTailRecoveryTest {

    private static final int N = 6;

    @TempDir
    static Path tmp;

    private static Path snapshot;
    private static byte[] alhLast;
    private static byte[] alhBeforeLast;
    private static LedgerFixtures.Layout last;

    @BeforeAll
    static void buildLedgerWhoseLastTransactionsFollowTheCheckpoint() throws Exception {
        snapshot = tmp.resolve("snapshot");
        try (Ledger l = Ledger.open(snapshot, LedgerFixtures.noAutoCheckpoint())) {
            l.commit(List.of(kv("a", "1"))).get();
            l.commit(List.of(kv("b", "2"), kv("c", "3"))).get();
        }
        try (Ledger l = Ledger.open(snapshot, LedgerFixtures.noAutoCheckpoint())) {
            l.commit(List.of(kv("d", "4"))).get();
        }
        // checkpoints at tx 2 and 3 (the two slots); txs 4..6 follow the last one
        Ledger l = Ledger.open(snapshot, LedgerFixtures.noAutoCheckpoint());
        l.commit(List.of(kv("e", "5"))).get();
        l.commit(List.of(kv("f", "6"), kv("g", "7"))).get();
        l.commit(List.of(kv("h", "8"))).get();
        alhLast = l.alh(N);
        alhBeforeLast = l.alh(N - 1);
        l.crashForTest();
        last = LedgerFixtures.layout(snapshot, N);
    }

    private Path fresh(String name) throws Exception {
        Path d = tmp.resolve(name);
        LedgerFixtures.copyTree(snapshot, d, name.equals("all"));
        return d;
    }

    @Test
    void cutsTxLogTornAtEveryOffsetOfTheLastRecord() throws Exception {
        for (long off = last.recordOffset(); off < last.recordEnd(); off++) {
            Path d = fresh("tx-" + off);
            LedgerFixtures.truncate(d.resolve("tx").resolve(last.txFile()), off);
            assertRecoveredTo(d, N - 1, alhBeforeLast, "tx log cut at " + off);
        }
    }

    @Test
    void cutsValueLogTornAtEveryOffsetOfTheLastValues() throws Exception {
        for (long off = last.valueOffset(); off < last.valueEnd(); off++) {
            Path d = fresh("val-" + off);
            LedgerFixtures.truncate(d.resolve("val").resolve(last.valueFile()), off);
            assertRecoveredTo(d, N - 1, alhBeforeLast, "value log cut at " + off);
        }
    }

    @Test
    void rederivesNodeFileTornAtEveryOffsetOfTheLastSlots() throws Exception {
        for (long off = last.firstNodeByte(); off < last.endNodeByte(); off++) {
            Path d = fresh("nodes-" + off);
            LedgerFixtures.truncate(d.resolve(NodeStore.FILE), off);
            assertRecoveredTo(d, N, alhLast, "node file cut at " + off);
        }
    }

    @Test
    void rederivesOffsetsTornAtEveryOffsetOfTheLastSlot() throws Exception {
        for (long off = last.offsetsSlot(); off < last.offsetsSlot() + TxOffsets.SLOT; off++) {
            Path d = fresh("offsets-" + off);
            LedgerFixtures.truncate(d.resolve(TxOffsets.FILE), off);
            assertRecoveredTo(d, N, alhLast, "offsets cut at " + off);
        }
    }

    @Test
    void fallsBackToTheOlderCheckpointWhenTheNewerSlotIsTorn() throws Exception {
        for (long off = Checkpoint.SLOT; off < 2 * Checkpoint.SLOT; off++) {
            Path d = fresh("checkpoint-" + off);
            LedgerFixtures.truncate(d.resolve(Checkpoint.FILE), off);
            assertRecoveredTo(d, N, alhLast, "checkpoint cut at " + off);
        }
    }

    @Test
    void everyFileTornAtOnceStillRecoversAPrefixThroughTheFullLedger() throws Exception {
        Path d = fresh("all");
        LedgerFixtures.truncate(d.resolve("tx").resolve(last.txFile()), last.recordOffset() + 7);
        LedgerFixtures.truncate(d.resolve("val").resolve(last.valueFile()), last.valueOffset());
        LedgerFixtures.truncate(d.resolve(NodeStore.FILE), last.firstNodeByte() - 5);
        LedgerFixtures.truncate(d.resolve(TxOffsets.FILE), last.offsetsSlot() - 3);
        try (Ledger l = Ledger.open(d, LedgerOptions.defaults())) {
            assertThat(l.lastTxId()).isEqualTo(N - 1);
            assertThat(l.alh(N - 1)).isEqualTo(alhBeforeLast);
            assertThat(l.failure()).isEmpty();
            assertThat(l.index().latest("h".getBytes())).isEmpty();
            assertThat(l.index().latest("g".getBytes()).orElseThrow().txId()).isEqualTo(N - 1);
            assertThat(l.commit(List.of(kv("h", "again"))).get().id()).isEqualTo(N);
        }
        assertThat(LedgerVerifier.verify(d).intact()).isTrue();
    }

    private void assertRecoveredTo(Path d, long lastTx, byte[] alh, String what) throws Exception {
        Recovery.Result r = LedgerFixtures.recoverLogsOnly(d);
        assertThat(r.failure()).as(what).isNull();
        assertThat(r.lastTxId()).as(what).isEqualTo(lastTx);
        assertThat(r.lastAlh()).as(what).isEqualTo(alh);
        LedgerVerifier.Report report = LedgerVerifier.verify(d);
        assertThat(report.intact()).as(what + ": " + report).isTrue();
        assertThat(report.verifiedTxs()).as(what).isEqualTo(lastTx);
    }
}
