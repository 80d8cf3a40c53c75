package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.proofs.DualProofs;
import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.EntryDigest;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The {@code *Async} writes (argument errors thrown at once, state-dependent rejections as a failed future, the
 * proof of a verifiable write built on the caller's executor) and VerifiableGet's caches of immutable proofs.
 */
class AsyncWriteAndCachedProofTest extends KvStoreTestBase {

    @Test
    void anAsyncSetCompletesWithTheDurableTransaction() throws Exception {
        TxHeader h = store.setAsync(List.of(new KvWrite(b("k"), b("v"))), List.of()).get(30, TimeUnit.SECONDS);
        assertThat(h.id()).isEqualTo(store.state().txId());
        assertThat(s(get("k").value())).isEqualTo("v");
    }

    @Test
    void argumentErrorsThrowAtOnceAndStateRejectionsFailTheFuture() throws Exception {
        assertKvError(() -> store.setAsync(List.of(), List.of()), KvErrorCode.UNKNOWN, "no entries provided");
        assertKvError(() -> store.execAllAsync(List.of(), List.of()), KvErrorCode.INVALID_ARGUMENT, "empty set");
        set("k", "v");

        CompletableFuture<TxHeader> guarded = store.setAsync(List.of(new KvWrite(b("k"), b("w"))),
                List.of(new Precondition.KeyMustNotExist(b("k"))));
        assertThatThrownBy(() -> guarded.get(30, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOfSatisfying(KvException.class,
                        e -> assertThat(e.code()).isEqualTo(KvErrorCode.FAILED_PRECONDITION))
                .hasMessage("precondition failed: key already exists: key=6b");
        CompletableFuture<TxHeader> missing = store.deleteAsync(List.of(b("nope")), 0);
        assertThatThrownBy(() -> missing.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(KvException.class)
                .hasMessage("tbtree: key not found");
        assertThat(s(get("k").value())).isEqualTo("v");
    }

    @Test
    void aSetWithoutPreconditionsStillObeysTheLedgerLimits() {
        byte[] longKey = new byte[1024]; // plus the 1-byte prefix: one over the limit
        CompletableFuture<TxHeader> f = store.setAsync(List.of(new KvWrite(longKey, b("v"))), List.of());
        assertThatThrownBy(() -> f.get(30, TimeUnit.SECONDS)).cause().isInstanceOf(KvException.class)
                .hasMessageStartingWith("max key length exceeded");
        assertThat(store.state().txId()).isZero();
    }

    @Test
    void aVerifiableSetIsProvenOnTheGivenExecutor() throws Exception {
        set("a", "1");
        ExecutorService proofs = Executors.newSingleThreadExecutor(r -> new Thread(r, "proof-thread"));
        try {
            List<String> thread = new ArrayList<>();
            VerifiableTx v = store.verifiableSetAsync(List.of(new KvWrite(b("k"), b("v"))), List.of(), 1,
                    r -> proofs.execute(() -> {
                        thread.add(Thread.currentThread().getName());
                        r.run();
                    })).get(30, TimeUnit.SECONDS);
            assertThat(thread).containsExactly("proof-thread");
            assertThat(v.tx().header().id()).isEqualTo(2);
            assertThat(DualProofs.verify(v.dualProof(), 1, 2, ledger.alh(1), ledger.alh(2)).isOk()).isTrue();
            assertKvError(() -> store.verifiableSetAsync(List.of(new KvWrite(b("x"), b("y"))), List.of(), 9,
                    proofs), KvErrorCode.INVALID_ARGUMENT, "illegal state");
        } finally {
            proofs.shutdownNow();
        }
    }

    @Test
    void repeatedVerifiableGetsReturnProofsThatStillVerify() {
        List<KvWrite> batch = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            batch.add(new KvWrite(b("k" + i), b("v" + i)));
        }
        store.set(batch, List.of());
        for (int round = 0; round < 3; round++) {
            set("other" + round, "x"); // the client's state moves: new pairs next to cached ones
            long state = store.state().txId();
            for (int i = 0; i < 10; i++) {
                for (long since : new long[] {0, 1, state}) {
                    VerifiableEntry e = store.verifiableGet(GetQuery.latest(b("k" + i)), since);
                    TxHeader h = e.verifiableTx().tx().header();
                    assertThat(h.id()).isEqualTo(1);
                    byte[] digest = EntryDigest.of(h.version(), KvEncoding.kvKey(b("k" + i)), KvMetadata.NONE,
                            io.veridb.proofs.Hashes.sha256(KvEncoding.plainValue(b("v" + i))));
                    assertThat(EntriesTree.verify(e.inclusionProof(), digest, h.eH()).isOk()).as("entry %d", i)
                            .isTrue();
                    long target = Math.max(since, 1);
                    assertThat(DualProofs.verify(e.verifiableTx().dualProof(), 1, target, ledger.alh(1),
                            ledger.alh(target)).isOk()).as("since %d", since).isTrue();
                }
            }
        }
    }
}
