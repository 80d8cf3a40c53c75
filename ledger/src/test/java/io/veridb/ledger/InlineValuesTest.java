package io.veridb.ledger;

import static io.veridb.ledger.LedgerFixtures.kv;
import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.proofs.TxHeader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Small transactions keep their values in the tx log, right after their record, so a group commit of them forces
 * one file instead of two (each forced file costs its own device flush). Larger ones keep using the value log, and
 * both kinds mix freely within a batch, across reopen, recovery and segments of the older format.
 */
class InlineValuesTest {

    private static final int LIMIT = 100;

    @TempDir
    Path dir;

    @Test
    void aBatchOfSmallTransactionsForcesOnlyTheTxLog() throws Exception {
        FaultyFileIO vlog = new FaultyFileIO().target(FaultyFileIO.suffix(".vlog"));
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults().withInlineValuesBytes(LIMIT), vlog)) {
            int before = vlog.forces.get();
            int writesBefore = vlog.writes.get(); // segment headers were written at open
            for (int i = 0; i < 20; i++) {
                l.commit(List.of(kv("small" + i, "v".repeat(LIMIT)))).get();
            }
            assertThat(vlog.forces.get() - before).as("value-log fsyncs for inline transactions").isZero();
            assertThat(vlog.writes.get() - writesBefore).isZero();
            l.commit(List.of(kv("big", "v".repeat(LIMIT + 1)))).get();
            assertThat(vlog.forces.get() - before).as("a value over the limit goes to the value log").isEqualTo(1);
        }
        assertThat(LedgerFixtures.layout(dir, 20).valueDir()).isEqualTo(LogStore.TX_DIR);
        assertThat(LedgerFixtures.layout(dir, 21).valueDir()).isEqualTo(LogStore.VALUE_DIR);
    }

    @Test
    void mixedBatchesReadBackEveryValueAfterReopenAndAfterACrash() throws Exception {
        LedgerOptions o = LedgerFixtures.noAutoCheckpoint().withInlineValuesBytes(LIMIT).withSegmentBytes(16 << 10);
        Random rnd = new Random(42);
        List<List<EntrySpec>> written = new ArrayList<>();
        Ledger l = Ledger.open(dir, o);
        for (int round = 0; round < 30; round++) {
            List<CompletableFuture<TxHeader>> batch = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                List<EntrySpec> entries = new ArrayList<>();
                int n = 1 + rnd.nextInt(3);
                for (int e = 0; e < n; e++) {
                    byte[] value = new byte[rnd.nextInt(LIMIT)]; // sums straddle the limit
                    rnd.nextBytes(value);
                    entries.add(new EntrySpec(("k" + round + "." + t + "." + e).getBytes(), value));
                }
                written.add(entries);
                batch.add(l.commit(entries));
            }
            for (CompletableFuture<TxHeader> f : batch) {
                f.get();
            }
        }
        assertEveryValue(l, written);
        l.crashForTest(); // no checkpoint after tx 0: recovery scans every record and its values
        try (Ledger again = Ledger.open(dir, o)) {
            assertThat(again.failure()).isEmpty();
            assertEveryValue(again, written);
            long inline = 0;
            for (long id = 1; id <= written.size(); id++) {
                inline += LedgerFixtures.layout(dir, id).valueDir().equals(LogStore.TX_DIR) ? 1 : 0;
            }
            assertThat(inline).as("both homes used").isBetween(1L, written.size() - 1L);
        }
        assertThat(LedgerVerifier.verify(dir).intact()).isTrue();
    }

    private static void assertEveryValue(Ledger l, List<List<EntrySpec>> written) throws Exception {
        assertThat(l.lastTxId()).isEqualTo(written.size());
        for (int i = 0; i < written.size(); i++) {
            long id = i + 1;
            List<EntrySpec> want = written.get(i);
            List<EntrySpec> got = l.entries(id);
            assertThat(got).hasSameSizeAs(want);
            for (int e = 0; e < want.size(); e++) {
                assertThat(got.get(e).rawValue()).as("tx %d entry %d", id, e).isEqualTo(want.get(e).rawValue());
                assertThat(l.value(id, e)).isEqualTo(want.get(e).rawValue());
            }
        }
    }

    @Test
    void aSegmentOfTheOlderFormatStaysReadableAndGetsInlineValuesOnlyAfterItRolls() throws Exception {
        LedgerOptions vlogOnly = LedgerOptions.defaults().withInlineValuesBytes(0);
        try (Ledger l = Ledger.open(dir, vlogOnly)) {
            l.commit(List.of(kv("old", "written by version 1"))).get();
        }
        Path segment = dir.resolve(LogStore.TX_DIR).resolve("00000000" + TxLogFormat.SUFFIX);
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.WRITE)) {
            ch.write(FileHeader.write(TxLogFormat.MAGIC, 1, 0), 0);
        }
        LedgerOptions small = LedgerOptions.defaults().withSegmentBytes(4096);
        try (Ledger l = Ledger.open(dir, small)) {
            assertThat(l.value(1, 0)).isEqualTo("written by version 1".getBytes());
            l.commit(List.of(kv("new", "v"))).get();
            assertThat(LedgerFixtures.layout(dir, 2).valueDir()).as("no inline values in a version 1 segment")
                    .isEqualTo(LogStore.VALUE_DIR);
            long id = 2;
            while (LedgerFixtures.layout(dir, id).txFile().startsWith("00000000")) {
                id = l.commit(List.of(kv("fill" + id, "x".repeat(200)))).get().id();
            }
            assertThat(LedgerFixtures.layout(dir, id).valueDir()).as("the rolled segment is version 2")
                    .isEqualTo(LogStore.TX_DIR);
        }
        assertThat(LedgerVerifier.verify(dir).intact()).isTrue();
        try (FileChannel ch = FileChannel.open(segment, StandardOpenOption.READ)) {
            ByteBuffer header = ByteBuffer.allocate(FileHeader.BYTES);
            ch.read(header, 0);
            assertThat(FileHeader.version(header)).as("the old segment is left as it was").isEqualTo(1);
        }
    }

    @Test
    void aDamagedInlineRecordFollowedByAValidOneIsCorruptionNotATornTail() throws Exception {
        Ledger l = Ledger.open(dir, LedgerFixtures.noAutoCheckpoint());
        l.commit(List.of(kv("a", "1"))).get();
        l.commit(List.of(kv("b", "inline value of b"), kv("c", "and of c"))).get();
        l.commit(List.of(kv("d", "after"))).get();
        l.crashForTest();
        LedgerFixtures.Layout victim = LedgerFixtures.layout(dir, 2);
        assertThat(victim.valueDir()).isEqualTo(LogStore.TX_DIR);
        // without tx 3's offset slot, only reading past tx 2's inline values finds tx 3
        LedgerFixtures.truncate(dir.resolve(TxOffsets.FILE), LedgerFixtures.layout(dir, 3).offsetsSlot());
        byte[] before = java.nio.file.Files.readAllBytes(dir.resolve(LogStore.TX_DIR).resolve(victim.txFile()));
        LedgerFixtures.flipByte(dir.resolve(LogStore.TX_DIR).resolve(victim.txFile()), victim.recordOffset() + 6);

        Recovery.Result r = LedgerFixtures.recoverLogsOnly(dir); // index marker 0: only the next record can tell
        assertThat(r.failure()).as("tx 3 follows tx 2's inline values, so tx 2 was acknowledged").isNotNull();
        assertThat(r.failure().txId()).isEqualTo(2);
        byte[] after = java.nio.file.Files.readAllBytes(dir.resolve(LogStore.TX_DIR).resolve(victim.txFile()));
        assertThat(after).as("nothing was cut").hasSameSizeAs(before);
        assertThat(Arrays.mismatch(before, after)).isEqualTo((int) victim.recordOffset() + 6);
    }
}
