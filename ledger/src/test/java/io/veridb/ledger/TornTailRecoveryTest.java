package io.veridb.ledger;

import static io.veridb.ledger.LedgerFixtures.kv;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.function.ToLongFunction;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every torn-tail shape: each file of a ledger cut at every offset within its last record, as a crash in the
 * middle of the last batch leaves it. Recovery must cut torn log records, re-derive torn derived files, keep the
 * chain intact and accept new commits. Each shape is tried on two ledgers: one whose values are inline in the tx
 * log (the default for small values) and one whose values go to the value log.
 */
class TornTailRecoveryTest {

    private static final int N = 6;

    @TempDir
    static Path tmp;

    /** A ledger of N transactions whose last ones follow the checkpoint, and facts about its last transaction. */
    private record Snapshot(String name, Path dir, byte[] alhLast, byte[] alhBeforeLast, LedgerFixtures.Layout last,
            LedgerOptions options) {}

    private static List<Snapshot> snapshots;

    @BeforeAll
    static void buildLedgersWhoseLastTransactionsFollowTheCheckpoint() throws Exception {
        snapshots = List.of(build("inline", LedgerFixtures.noAutoCheckpoint()),
                build("vlog", LedgerFixtures.noAutoCheckpoint().withInlineValuesBytes(0)));
        assertThat(snapshots.get(0).last().valueDir()).isEqualTo(LogStore.TX_DIR);
        assertThat(snapshots.get(1).last().valueDir()).isEqualTo(LogStore.VALUE_DIR);
    }

    private static Snapshot build(String name, LedgerOptions options) throws Exception {
        Path dir = tmp.resolve("snapshot-" + name);
        try (Ledger l = Ledger.open(dir, options)) {
            l.commit(List.of(kv("a", "1"))).get();
            l.commit(List.of(kv("b", "2"), kv("c", "3"))).get();
        }
        try (Ledger l = Ledger.open(dir, options)) {
            l.commit(List.of(kv("d", "4"))).get();
        }
        // checkpoints at tx 2 and 3 (the two slots); txs 4..6 follow the last one
        Ledger l = Ledger.open(dir, options);
        l.commit(List.of(kv("e", "5"))).get();
        l.commit(List.of(kv("f", "6"), kv("g", "7"))).get();
        l.commit(List.of(kv("h", "8"), kv("i", "9"))).get();
        byte[] alhLast = l.alh(N);
        byte[] alhBeforeLast = l.alh(N - 1);
        l.crashForTest();
        return new Snapshot(name, dir, alhLast, alhBeforeLast, LedgerFixtures.layout(dir, N), options);
    }

    private static Path fresh(Snapshot s, String name) throws Exception {
        Path d = tmp.resolve(s.name() + "-" + name);
        LedgerFixtures.copyTree(s.dir(), d, name.equals("all"));
        return d;
    }

    @Test
    void cutsTxLogTornAtEveryOffsetOfTheLastRecord() throws Exception {
        for (Snapshot s : snapshots) {
            for (long off = s.last().recordOffset(); off < s.last().recordEnd(); off++) {
                Path d = fresh(s, "tx-" + off);
                LedgerFixtures.truncate(d.resolve("tx").resolve(s.last().txFile()), off);
                assertRecoveredTo(d, N - 1, s.alhBeforeLast(), s.name() + ": tx log cut at " + off);
            }
        }
    }

    @Test
    void cutsValuesTornAtEveryOffsetOfTheLastValues() throws Exception {
        for (Snapshot s : snapshots) {
            for (long off = s.last().valueOffset(); off < s.last().valueEnd(); off++) {
                Path d = fresh(s, "val-" + off);
                LedgerFixtures.truncate(LedgerFixtures.valueFile(d, s.last()), off);
                assertRecoveredTo(d, N - 1, s.alhBeforeLast(), s.name() + ": values cut at " + off);
            }
        }
    }

    @Test
    void rederivesNodeFileTornAtEveryOffsetOfTheLastSlots() throws Exception {
        cutEveryOffset("nodes", d -> d.resolve(NodeStore.FILE), s -> s.last().firstNodeByte(),
                s -> s.last().endNodeByte());
    }

    @Test
    void rederivesOffsetsTornAtEveryOffsetOfTheLastSlot() throws Exception {
        cutEveryOffset("offsets", d -> d.resolve(TxOffsets.FILE), s -> s.last().offsetsSlot(),
                s -> s.last().offsetsSlot() + TxOffsets.SLOT);
    }

    @Test
    void fallsBackToTheOlderCheckpointWhenTheNewerSlotIsTorn() throws Exception {
        cutEveryOffset("checkpoint", d -> d.resolve(Checkpoint.FILE), s -> Checkpoint.SLOT,
                s -> 2 * Checkpoint.SLOT);
    }

    /** Cuts a derived file at each offset in [from, to): recovery re-derives it without losing a transaction. */
    private void cutEveryOffset(String what, java.util.function.UnaryOperator<Path> file,
            ToLongFunction<Snapshot> from, ToLongFunction<Snapshot> to) throws Exception {
        for (Snapshot s : snapshots) {
            for (long off = from.applyAsLong(s); off < to.applyAsLong(s); off++) {
                Path d = fresh(s, what + "-" + off);
                LedgerFixtures.truncate(file.apply(d), off);
                assertRecoveredTo(d, N, s.alhLast(), s.name() + ": " + what + " cut at " + off);
            }
        }
    }

    @Test
    void everyFileTornAtOnceStillRecoversAPrefixThroughTheFullLedger() throws Exception {
        for (Snapshot s : snapshots) {
            Path d = fresh(s, "all");
            LedgerFixtures.Layout last = s.last();
            LedgerFixtures.truncate(LedgerFixtures.valueFile(d, last), last.valueOffset());
            LedgerFixtures.truncate(d.resolve("tx").resolve(last.txFile()), last.recordOffset() + 7);
            LedgerFixtures.truncate(d.resolve(NodeStore.FILE), last.firstNodeByte() - 5);
            LedgerFixtures.truncate(d.resolve(TxOffsets.FILE), last.offsetsSlot() - 3);
            try (Ledger l = Ledger.open(d, s.options())) {
                assertThat(l.lastTxId()).as(s.name()).isEqualTo(N - 1);
                assertThat(l.alh(N - 1)).isEqualTo(s.alhBeforeLast());
                assertThat(l.failure()).isEmpty();
                assertThat(l.index().latest("h".getBytes())).isEmpty();
                assertThat(l.index().latest("g".getBytes()).orElseThrow().txId()).isEqualTo(N - 1);
                assertThat(l.commit(List.of(kv("h", "again"))).get().id()).isEqualTo(N);
            }
            assertThat(LedgerVerifier.verify(d).intact()).as(s.name()).isTrue();
        }
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
