package io.veridb.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.proofs.DualProofs;
import io.veridb.proofs.TxHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GroupCommitTest {

    @TempDir
    Path dir;

    static EntrySpec kv(String k, String v) {
        return new EntrySpec(k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void concurrentCommitsShareFsyncsAndEachGetsItsOwnIdAndHeader() throws Exception {
        FaultyFileIO io = new FaultyFileIO().target(FaultyFileIO.suffix(".txlog"));
        int threads = 32;
        int perThread = 25;
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults(), io)) {
            int forcesBefore = io.forces.get();
            ExecutorService pool = Executors.newFixedThreadPool(threads, r -> new Thread(r, "test-committer"));
            List<Future<List<TxHeader>>> results = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int tt = t;
                results.add(pool.submit(() -> {
                    List<TxHeader> mine = new ArrayList<>();
                    for (int i = 0; i < perThread; i++) {
                        mine.add(l.commit(List.of(kv("t" + tt + "-" + i, "v"))).get());
                    }
                    return mine;
                }));
            }
            Set<Long> ids = new HashSet<>();
            for (Future<List<TxHeader>> f : results) {
                for (TxHeader h : f.get()) {
                    assertThat(ids.add(h.id())).isTrue();
                    assertThat(h.blTxId()).isEqualTo(h.id() - 1);
                    assertThat(l.header(h.id())).isEqualTo(h);
                }
            }
            pool.shutdown();
            int txs = threads * perThread;
            assertThat(ids).hasSize(txs);
            assertThat(l.lastTxId()).isEqualTo(txs);
            int fsyncs = io.forces.get() - forcesBefore;
            assertThat(fsyncs).as("tx-log fsyncs for %d transactions", txs).isLessThan(txs / 2);
            for (long id = 1; id < txs; id += 37) {
                assertThat(l.header(id + 1).prevAlh()).isEqualTo(l.alh(id));
                assertThat(DualProofs.verify(l.dualProof(id, txs), id, txs, l.alh(id), l.alh(txs)).isOk()).isTrue();
            }
        }
        assertThat(LedgerVerifier.verify(dir).intact()).isTrue();
    }

    @Test
    void failedFsyncFailsTheBatchAndEveryLaterAppendUntilReopen() throws Exception {
        FaultyFileIO io = new FaultyFileIO().target(FaultyFileIO.suffix(".txlog"));
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults(), io)) {
            for (int i = 0; i < 5; i++) {
                l.commit(List.of(kv("k" + i, "v"))).get();
            }
            io.failForce(1);
            CompletableFuture<TxHeader> failed = l.commit(List.of(kv("doomed", "v")));
            assertThatThrownBy(failed::get).cause().isInstanceOf(LedgerFailedException.class)
                    .hasMessageContaining("injected fsync failure");
            assertThatThrownBy(() -> l.commit(List.of(kv("after", "v"))).get()).cause()
                    .isInstanceOf(LedgerFailedException.class).hasMessageContaining("refuses appends");
            assertThat(l.failure()).isPresent();
            assertThat(l.lastTxId()).isEqualTo(5);
            assertThat(l.value(5, 0)).isEqualTo("v".getBytes(StandardCharsets.UTF_8));
        }
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            // the unsynced tx 6 reached the page cache, so it may survive; acknowledged 1..5 must.
            assertThat(l.lastTxId()).isBetween(5L, 6L);
            assertThat(l.failure()).isEmpty();
            TxHeader h = l.commit(List.of(kv("again", "v"))).get();
            assertThat(h.id()).isEqualTo(l.lastTxId());
        }
        assertThat(LedgerVerifier.verify(dir).intact()).isTrue();
    }

    @Test
    void failedValueLogWriteFailsStop() throws Exception {
        assertFailedWriteFailsStop(".vlog", LedgerOptions.defaults().withInlineValuesBytes(0));
    }

    @Test
    void failedTxLogWriteWithInlineValuesFailsStop() throws Exception {
        assertFailedWriteFailsStop(".txlog", LedgerOptions.defaults());
    }

    private void assertFailedWriteFailsStop(String suffix, LedgerOptions options) throws Exception {
        FaultyFileIO io = new FaultyFileIO().target(FaultyFileIO.suffix(suffix));
        try (Ledger l = Ledger.open(dir, options, io)) {
            l.commit(List.of(kv("a", "1"))).get();
            io.failWrite(1);
            assertThatThrownBy(() -> l.commit(List.of(kv("b", "2"))).get()).cause()
                    .isInstanceOf(LedgerFailedException.class).hasMessageContaining("injected write failure");
            assertThatThrownBy(() -> l.commit(List.of(kv("c", "3"))).get()).cause()
                    .isInstanceOf(LedgerFailedException.class);
        }
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            assertThat(l.lastTxId()).isEqualTo(1);
            assertThat(l.commit(List.of(kv("d", "4"))).get().id()).isEqualTo(2);
        }
    }

    @Test
    void segmentsRollAtTheConfiguredSize() throws Exception {
        // values over 64 bytes go to the value log, smaller ones stay inline: both logs roll
        LedgerOptions o = LedgerOptions.defaults().withSegmentBytes(4096).withInlineValuesBytes(64);
        try (Ledger l = Ledger.open(dir, o)) {
            for (int i = 0; i < 200; i++) {
                l.commit(List.of(kv("key" + i, i % 2 == 0 ? "x".repeat(200) : "z".repeat(50)))).get();
            }
        }
        assertThat(dir.resolve("tx").toFile().list()).hasSizeGreaterThan(3);
        assertThat(dir.resolve("val").toFile().list()).hasSizeGreaterThan(3);
        try (Ledger l = Ledger.open(dir, o)) {
            assertThat(l.lastTxId()).isEqualTo(200);
            assertThat(new String(l.value(123, 0), StandardCharsets.UTF_8)).isEqualTo("x".repeat(200));
            assertThat(new String(l.value(124, 0), StandardCharsets.UTF_8)).isEqualTo("z".repeat(50));
            l.commit(List.of(kv("more", "y"))).get();
        }
        assertThat(LedgerVerifier.verify(dir).intact()).isTrue();
    }
}
