package io.veridb.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.proofs.DualProof;
import io.veridb.proofs.DualProofs;
import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.EntryDigest;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LedgerContractTest {

    @TempDir
    Path dir;

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static EntrySpec kv(String k, String v) {
        return new EntrySpec(b(k), b(v));
    }

    @Test
    void commitReturnsHeaderChainedToPreviousAndReadsItBack() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            assertThat(l.lastTxId()).isZero();
            assertThat(l.state().alh()).isEqualTo(Hashes.empty());
            TxHeader h1 = l.commit(List.of(kv("k1", "v1"))).get();
            TxHeader h2 = l.commit(List.of(kv("k2", "v2"), kv("k3", "v3"))).get();
            assertThat(h1.id()).isEqualTo(1);
            assertThat(h1.prevAlh()).isEqualTo(Hashes.empty());
            assertThat(h1.blTxId()).isZero();
            assertThat(h1.blRoot()).isEqualTo(Hashes.zero());
            assertThat(h2.id()).isEqualTo(2);
            assertThat(h2.prevAlh()).isEqualTo(h1.alh());
            assertThat(h2.blTxId()).isEqualTo(1);
            assertThat(h2.blRoot()).isEqualTo(Hashes.leaf(h1.alh()));
            assertThat(h2.version()).isEqualTo(1);
            assertThat(l.header(1)).isEqualTo(h1);
            assertThat(l.header(2)).isEqualTo(h2);
            assertThat(l.state()).isEqualTo(new LedgerState(2, h2.alh()));
            Tx tx = l.tx(2);
            assertThat(tx.entries()).hasSize(2);
            assertThat(tx.entries().get(1).key()).isEqualTo(b("k3"));
            assertThat(tx.entries().get(1).hValue()).isEqualTo(Hashes.sha256(b("v3")));
            assertThat(l.value(2, 1)).isEqualTo(b("v3"));
            assertThat(EntriesTree.root(tx.digests())).isEqualTo(h2.eH());
        }
    }

    @Test
    void valueReadsEachEntryOfAManyEntryTransactionAndRefusesAMissingEntry() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            l.commit(List.of(kv("first", "one"))).get();
            List<EntrySpec> es = new ArrayList<>();
            for (int i = 0; i < 300; i++) {
                KvMetadata md = i % 3 == 0 ? new KvMetadata(false, java.util.OptionalLong.of(1_000L + i), false)
                        : KvMetadata.NONE;
                es.add(new EntrySpec(b("key-" + "x".repeat(i % 17) + i), b("value-" + "y".repeat(i % 41) + i), md));
            }
            es.add(new EntrySpec(b("empty"), new byte[0]));
            l.commit(es).get();
            for (int i = 0; i < es.size(); i++) {
                assertThat(l.value(2, i)).as("entry " + i).isEqualTo(es.get(i).value());
            }
            assertThat(l.value(1, 0)).isEqualTo(b("one"));
            assertThatThrownBy(() -> l.value(2, es.size())).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("entryIndex=" + es.size()).hasMessageContaining("nentries=" + es.size())
                    .hasMessageContaining("tx=2");
            assertThatThrownBy(() -> l.value(1, -1)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("entryIndex=-1").hasMessageContaining("nentries=1");
        }
    }

    @Test
    void matchesTheSpecVersionOneChainOfThreeTransactions() throws Exception {
        // spec §3.11(b): ts 1700000001..3, keys 0x00||"k1".., values 0x00||"v1"..
        AtomicLong ts = new AtomicLong(1700000000L);
        java.time.Clock clock = new java.time.Clock() {
            @Override
            public java.time.ZoneId getZone() {
                return java.time.ZoneOffset.UTC;
            }

            @Override
            public java.time.Clock withZone(java.time.ZoneId zone) {
                return this;
            }

            @Override
            public java.time.Instant instant() {
                return java.time.Instant.ofEpochSecond(ts.incrementAndGet());
            }
        };
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults().withClock(clock))) {
            for (int i = 1; i <= 3; i++) {
                l.commit(List.of(new EntrySpec(prefixed("k" + i), prefixed("v" + i)))).get();
            }
            assertThat(java.util.HexFormat.of().formatHex(l.state().alh()))
                    .isEqualTo("98925c9fd87ec90253d952e9f9c718ac9a7e8821b4335b2c9142e5a74d657f38");
            DualProof p = l.dualProof(2, 3);
            assertThat(p.consistencyProof()).hasSize(2);
            assertThat(DualProofs.verify(p, 2, 3, l.alh(2), l.alh(3)).isOk()).isTrue();
        }
    }

    static byte[] prefixed(String s) {
        byte[] raw = b(s);
        byte[] out = new byte[raw.length + 1];
        System.arraycopy(raw, 0, out, 1, raw.length);
        return out;
    }

    @Test
    void dualProofsAndEntryInclusionProofsVerifyAcrossManyTransactions() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            for (int i = 1; i <= 70; i++) {
                List<EntrySpec> es = new ArrayList<>();
                for (int j = 0; j < 1 + i % 5; j++) {
                    es.add(kv("key-" + i + "-" + j, "value-" + i));
                }
                l.commit(es).get();
            }
            for (long s = 1; s <= 70; s += 7) {
                for (long t = s; t <= 70; t += 5) {
                    DualProof p = l.dualProof(s, t);
                    assertThat(DualProofs.verify(p, s, t, l.alh(s), l.alh(t)).isOk()).as("s=%d t=%d", s, t).isTrue();
                }
            }
            Tx tx = l.tx(44);
            for (int i = 0; i < tx.entries().size(); i++) {
                InclusionProof ip = l.entryInclusionProof(44, i);
                TxEntry e = tx.entries().get(i);
                byte[] digest = EntryDigest.of(1, e.key(), e.metadata(), e.hValue());
                assertThat(EntriesTree.verify(ip, digest, tx.header().eH()).isOk()).isTrue();
            }
        }
    }

    @Test
    void reopenKeepsTransactionsIndexAndChain() throws Exception {
        TxHeader last;
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            for (int i = 0; i < 20; i++) {
                l.commit(List.of(kv("k" + (i % 3), "v" + i))).get();
            }
            last = l.header(20);
        }
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            assertThat(l.lastTxId()).isEqualTo(20);
            assertThat(l.header(20)).isEqualTo(last);
            assertThat(l.index().latest(b("k1")).orElseThrow().txId()).isEqualTo(20);
            TxHeader h = l.commit(List.of(kv("k9", "v"))).get();
            assertThat(h.prevAlh()).isEqualTo(last.alh());
            assertThat(DualProofs.verify(l.dualProof(3, 21), 3, 21, l.alh(3), l.alh(21)).isOk()).isTrue();
        }
    }

    @Test
    void preparerSeesPendingTransactionsAndItsRejectionFailsOnlyItself() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults().withGroupCommit(1024, 16 << 20, 50_000_000L))) {
            List<CompletableFuture<TxHeader>> fs = new ArrayList<>();
            // Each preparer writes counter = previous + 1, reading it through the pending view.
            for (int i = 0; i < 50; i++) {
                int n = i;
                fs.add(l.commit(view -> {
                    if (n == 17) {
                        throw new TxRejectedException("rejected on purpose");
                    }
                    long prev = view.latest(b("counter")).map(v -> v.revision()).orElse(0L);
                    return List.of(kv("counter", Long.toString(prev + 1)));
                }));
            }
            int rejected = 0;
            for (CompletableFuture<TxHeader> f : fs) {
                try {
                    f.get();
                } catch (ExecutionException e) {
                    assertThat(e.getCause()).isInstanceOf(TxRejectedException.class).hasMessage("rejected on purpose");
                    rejected++;
                }
            }
            assertThat(rejected).isEqualTo(1);
            assertThat(l.lastTxId()).isEqualTo(49);
            KeyVersion v = l.index().latest(b("counter")).orElseThrow();
            assertThat(v.revision()).isEqualTo(49);
            assertThat(new String(l.value(v.txId(), v.entryIndex()), StandardCharsets.UTF_8)).isEqualTo("49");
        }
    }

    @Test
    void limitsFailOnlyTheOffendingRequestWithValueAndLimitInTheMessage() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults().withLimits(8, 16, 2))) {
            assertThatThrownBy(() -> l.commit(List.of(new EntrySpec(new byte[9], b("v")))).get())
                    .cause().isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("keyLength=9 exceeds limit=8");
            assertThatThrownBy(() -> l.commit(List.of(new EntrySpec(b("k"), new byte[17]))).get())
                    .cause().isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("valueLength=17 exceeds limit=16");
            assertThatThrownBy(() -> l.commit(List.of(kv("a", "1"), kv("b", "2"), kv("c", "3"))).get())
                    .cause().isInstanceOf(LimitExceededException.class)
                    .hasMessageContaining("entries=3 exceeds limit=2");
            assertThatThrownBy(() -> l.commit(List.of()).get())
                    .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("entries=0");
            assertThatThrownBy(() -> l.commit(List.of(kv("a", "1"), kv("a", "2"))).get())
                    .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("duplicate key");
            assertThat(l.commit(List.of(kv("ok", "fine"))).get().id()).isEqualTo(1);
        }
    }

    @Test
    void awaitTxAndOnCommitSeeDurableIndexedTransactions() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            List<Long> seen = new java.util.concurrent.CopyOnWriteArrayList<>();
            AutoCloseable reg = l.onCommit(txId -> {
                seen.add(txId);
                assertThat(l.index().latest(b("x")).orElseThrow().txId()).isEqualTo(txId);
            });
            assertThat(l.awaitTx(1, Duration.ofMillis(20))).isFalse();
            CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> {
                try {
                    return l.awaitTx(3, Duration.ofSeconds(10));
                } catch (InterruptedException e) {
                    throw new RuntimeException(e);
                }
            });
            for (int i = 0; i < 3; i++) {
                l.commit(List.of(kv("x", "" + i))).get();
            }
            assertThat(waiter.get()).isTrue();
            assertThat(seen).containsExactly(1L, 2L, 3L);
            reg.close();
            l.commit(List.of(kv("x", "4"))).get();
            assertThat(seen).hasSize(3);
        }
    }

    @Test
    void keyIndexAnswersVersionQueries() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            for (int i = 1; i <= 10; i++) {
                l.commit(List.of(kv("a", "a" + i), kv("b" + i, "x"))).get();
            }
            KeyIndex ix = l.index();
            assertThat(ix.latest(b("a")).orElseThrow().revision()).isEqualTo(10);
            assertThat(ix.asOf(b("a"), 4).orElseThrow().txId()).isEqualTo(4);
            assertThat(ix.atRevision(b("a"), 1).orElseThrow().txId()).isEqualTo(1);
            assertThat(ix.atRevision(b("a"), -1).orElseThrow().revision()).isEqualTo(9);
            assertThat(ix.atRevision(b("a"), 11)).isEmpty();
            assertThat(ix.history(b("a"), 2, 3, false)).extracting(KeyVersion::revision).containsExactly(3L, 4L, 5L);
            assertThat(ix.history(b("a"), 0, 2, true)).extracting(KeyVersion::revision).containsExactly(10L, 9L);
            assertThat(ix.count(b("b"))).isEqualTo(10);
            assertThat(ix.scan(ScanSpec.prefix(b("b")).withLimit(3))).extracting(v -> new String(v.key()))
                    .containsExactly("b1", "b10", "b2");
            assertThat(ix.scan(ScanSpec.prefix(b("b")).withDesc(true).withLimit(2).withOffset(1)))
                    .extracting(v -> new String(v.key())).containsExactly("b8", "b7");
            assertThat(ix.scan(ScanSpec.prefix(b("b")).withSeek(b("b2"), false).withEnd(b("b5"), true)))
                    .extracting(v -> new String(v.key())).containsExactly("b3", "b4", "b5");
            assertThat(ix.scan(ScanSpec.all().withDesc(true).withSeek(b("b3"), true).withEnd(b("b1"), false)))
                    .extracting(v -> new String(v.key())).containsExactly("b3", "b2", "b10");
        }
    }

    @Test
    void nonIndexableEntriesAreCommittedButNotIndexed() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            l.commit(List.of(new EntrySpec(b("hidden"), b("v"), new KvMetadata(false, java.util.OptionalLong.empty(),
                    true)))).get();
            assertThat(l.index().latest(b("hidden"))).isEmpty();
            assertThat(l.value(1, 0)).isEqualTo(b("v"));
        }
    }

    /** Indexes the first byte of every value under key = value[0] || txId. */
    record FirstByteIndex(String name) implements SecondaryIndex {
        @Override
        public void onCommit(long txId, List<EntrySpec> entries, IndexWriter out) {
            for (int i = 0; i < entries.size(); i++) {
                byte[] v = entries.get(i).value();
                out.put(java.nio.ByteBuffer.allocate(1 + 8 + 2).put(v.length == 0 ? 0 : v[0]).putLong(txId)
                        .putShort((short) i).array(), entries.get(i).key());
            }
        }
    }

    @Test
    void secondaryIndexIsWrittenWithCommitsAndReplayedWhenRegisteredLater() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            for (int i = 0; i < 10; i++) {
                l.commit(List.of(kv("k" + i, (i % 2 == 0 ? "e" : "o") + i))).get();
            }
        }
        LedgerOptions withIndex = LedgerOptions.defaults().withSecondaryIndexes(List.of(new FirstByteIndex("first")));
        try (Ledger l = Ledger.open(dir, withIndex)) {
            SecondaryIndexReader r = l.secondaryIndex("first");
            assertThat(r.scan(b("e"), b("f"), false, 0)).hasSize(5);
            l.commit(List.of(kv("k10", "e10"))).get();
            List<IndexRecord> evens = r.scan(b("e"), b("f"), true, 2);
            assertThat(evens).hasSize(2);
            assertThat(evens.get(0).value()).isEqualTo(b("k10"));
            assertThat(r.get(java.nio.ByteBuffer.allocate(11).put((byte) 'o').putLong(2).putShort((short) 0).array()))
                    .hasValue(b("k1"));
        }
    }

    @Test
    void headerVersionZeroIsSelectable() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults().withHeaderVersion(0))) {
            TxHeader h = l.commit(List.of(kv("k", "v"))).get();
            assertThat(h.version()).isZero();
            assertThat(l.header(1)).isEqualTo(h);
            assertThatThrownBy(() -> l.commit(List.of(new EntrySpec(b("k"), b("v"), new KvMetadata(true,
                    java.util.OptionalLong.empty(), false)))).get())
                    .cause().isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 0");
        }
    }
}
