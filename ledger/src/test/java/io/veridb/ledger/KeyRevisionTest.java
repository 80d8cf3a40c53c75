package io.veridb.ledger;

import static io.veridb.ledger.LedgerContractTest.b;
import static io.veridb.ledger.LedgerContractTest.kv;
import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.proofs.TxHeader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Revisions and history stay right although the writer skips the previous-version lookup of keys that
 * {@link KnownKeys} proves new: new keys, keys set again in the same batch or a later one, after a reopen (before
 * and after the existing keys are loaded) and after a crash and replay.
 */
class KeyRevisionTest {

    private static final long SEED = 42L;

    @TempDir
    Path dir;

    @Test
    void newKeysStartAtRevisionOneAndKeysSetAgainMoveTheirOldVersionToHistory() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            l.commit(List.of(kv("a", "1"), kv("b", "1"))).get();
            l.commit(List.of(kv("a", "2"), kv("c", "1"))).get();
            KeyIndex ix = l.index();
            assertThat(ix.latest(b("a")).orElseThrow().revision()).isEqualTo(2);
            assertThat(ix.latest(b("b")).orElseThrow().revision()).isEqualTo(1);
            assertThat(ix.latest(b("c")).orElseThrow().revision()).isEqualTo(1);
            assertThat(ix.history(b("a"), 0, 10, false)).extracting(KeyVersion::txId).containsExactly(1L, 2L);
            assertThat(ix.history(b("b"), 0, 10, false)).extracting(KeyVersion::revision).containsExactly(1L);
        }
    }

    @Test
    void aKeySetSeveralTimesInOneBatchCountsEveryRevision() throws Exception {
        LedgerOptions slowBatches = LedgerOptions.defaults().withGroupCommit(1024, 16 << 20, 200_000_000L);
        try (Ledger l = Ledger.open(dir, slowBatches)) {
            List<CompletableFuture<TxHeader>> fs = new ArrayList<>();
            for (int i = 1; i <= 5; i++) {
                fs.add(l.commit(List.of(kv("same", "v" + i), kv("new-" + i, "x"))));
            }
            for (CompletableFuture<TxHeader> f : fs) {
                f.get();
            }
            KeyIndex ix = l.index();
            assertThat(ix.latest(b("same")).orElseThrow().revision()).isEqualTo(5);
            assertThat(ix.history(b("same"), 0, 10, false)).extracting(KeyVersion::revision)
                    .containsExactly(1L, 2L, 3L, 4L, 5L);
            assertThat(ix.latest(b("new-3")).orElseThrow().revision()).isEqualTo(1);
        }
    }

    @Test
    void revisionsMatchAModelOfManyRandomWritesAcrossReopensAndACrash() throws Exception {
        SplittableRandom rnd = new SplittableRandom(SEED);
        Map<String, Long> model = new HashMap<>();
        for (int round = 0; round < 4; round++) {
            Ledger l = Ledger.open(dir, LedgerOptions.defaults());
            try {
                // the first commit of a round races the loading of the existing keys; later ones mostly follow it
                for (int t = 0; t < 6; t++) {
                    List<EntrySpec> es = new ArrayList<>();
                    java.util.Set<String> inTx = new java.util.HashSet<>();
                    for (int e = 0; e < 300; e++) {
                        String k = "k" + rnd.nextInt(3_000);
                        if (inTx.add(k)) {
                            es.add(kv(k, "r" + round));
                        }
                    }
                    l.commit(es).get();
                    inTx.forEach(k -> model.merge(k, 1L, Long::sum));
                }
                assertRevisions(l, model, round);
            } finally {
                if (round == 2) {
                    l.crashForTest();
                } else {
                    l.close();
                }
            }
        }
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            assertRevisions(l, model, 4);
        }
    }

    @Test
    void theExistingKeysLoadedAtStartMayAllExist() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            List<EntrySpec> es = new ArrayList<>();
            for (int i = 0; i < 1_000; i++) {
                es.add(kv("key-" + i, "v"));
            }
            l.commit(es).get();
        }
        try (RocksIndex rocks = RocksIndex.open(dir, List.of());
                KnownKeys known = new KnownKeys(rocks, "test-keyfilter")) {
            assertThat(known.awaitLoaded()).isTrue();
            for (int i = 0; i < 1_000; i++) {
                assertThat(known.mayExist(new ByteKey(b("key-" + i)))).as("key-" + i).isTrue();
            }
            int provenNew = 0;
            for (int i = 0; i < 1_000; i++) {
                provenNew += known.mayExist(new ByteKey(b("absent-" + i))) ? 0 : 1;
            }
            assertThat(provenNew).isGreaterThan(950);
        }
    }

    @Test
    void aLedgerThatIsOnlyReadNeverLoadsItsKeysAndTheFirstCommitStillCountsRevisions() throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            l.commit(List.of(kv("seen", "1"), kv("other", "1"))).get();
        }
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            assertThat(l.index().latest(b("seen")).orElseThrow().revision()).isEqualTo(1);
            l.dualProof(1, 1);
            l.entries(1);
            assertThat(l.keyFilterStarted()).isFalse();
            l.commit(List.of(kv("seen", "2"), kv("fresh", "1"))).get();
            assertThat(l.keyFilterStarted()).isTrue();
            assertThat(l.index().latest(b("seen")).orElseThrow().revision()).isEqualTo(2);
            assertThat(l.index().latest(b("fresh")).orElseThrow().revision()).isEqualTo(1);
        }
    }

    private static void assertRevisions(Ledger l, Map<String, Long> model, int round) throws Exception {
        for (Map.Entry<String, Long> e : model.entrySet()) {
            KeyVersion v = l.index().latest(b(e.getKey())).orElseThrow();
            assertThat(v.revision()).as("%s after round %d (seed %d)", e.getKey(), round, SEED)
                    .isEqualTo(e.getValue());
        }
        assertThat(l.index().latest(b("k-never-written"))).isEmpty();
    }
}
