package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.proofs.TxHeader;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

class PreconditionTest extends KvStoreTestBase {

    @Test
    void keyMustExistFailsForMissingDeletedAndExpiredKeys() {
        set("live", "v");
        set("gone", "v");
        store.delete(List.of(b("gone")), 0);
        setWith("old", "v", expiresAt(clock.epochSecond()));

        for (String key : List.of("missing", "gone", "old")) {
            assertKvErrorStarting(() -> setIf("x", new Precondition.KeyMustExist(b(key))),
                    KvErrorCode.FAILED_PRECONDITION, "precondition failed: key does not exist");
        }
        setIf("x", new Precondition.KeyMustExist(b("live")));
        assertThat(s(get("x").value())).isEqualTo("v");
    }

    @Test
    void keyMustNotExistFailsOnlyForALiveKey() {
        set("live", "v");
        set("gone", "v");
        store.delete(List.of(b("gone")), 0);

        assertKvErrorStarting(() -> setIf("live", new Precondition.KeyMustNotExist(b("live"))),
                KvErrorCode.FAILED_PRECONDITION, "precondition failed: key already exists");
        setIf("gone", new Precondition.KeyMustNotExist(b("gone")));
    }

    @Test
    void keyNotModifiedAfterTxComparesWithTheLatestWriteOfAnyKind() {
        TxHeader first = set("k", "v1");
        TxHeader second = set("k", "v2");

        assertKvErrorStarting(() -> setIf("k", new Precondition.KeyNotModifiedAfterTx(b("k"), first.id())),
                KvErrorCode.FAILED_PRECONDITION, "precondition failed: key modified after given TX")
                .hasMessageContaining("modifiedAt=" + second.id());
        setIf("k", new Precondition.KeyNotModifiedAfterTx(b("k"), second.id()));
        setIf("never", new Precondition.KeyNotModifiedAfterTx(b("never"), 1));
    }

    @Test
    void failedPreconditionWritesNothing() {
        set("k", "v");
        long before = store.state().txId();

        assertKvErrorStarting(() -> setIf("k", new Precondition.KeyMustNotExist(b("k"))),
                KvErrorCode.FAILED_PRECONDITION, "precondition failed");

        assertThat(store.state().txId()).isEqualTo(before);
    }

    @Test
    void malformedPreconditionsAreInvalid() {
        assertKvErrorStarting(() -> setIf("k", new Precondition.KeyMustExist(new byte[0])),
                KvErrorCode.INVALID_ARGUMENT, "invalid precondition");
        assertKvErrorStarting(() -> setIf("k", new Precondition.KeyNotModifiedAfterTx(b("k"), 0)),
                KvErrorCode.INVALID_ARGUMENT, "invalid precondition");
    }

    @Test
    void preconditionsApplyToReferencesAndExecAll() {
        set("t", "v");

        assertKvErrorStarting(() -> store.setReference(new RefSpec(b("r"), b("t"), 0, false),
                        List.of(new Precondition.KeyMustExist(b("r")))),
                KvErrorCode.FAILED_PRECONDITION, "precondition failed");
        assertKvErrorStarting(() -> store.execAll(List.of(new KvWrite(b("a"), b("1"))),
                        List.of(new Precondition.KeyMustNotExist(b("t")))),
                KvErrorCode.FAILED_PRECONDITION, "precondition failed");
    }

    @Test
    void concurrentCreatesWithKeyMustNotExistLetExactlyOneWin() throws Exception {
        int writers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> results = new ArrayList<>();
        try {
            for (int i = 0; i < writers; i++) {
                String value = "writer" + i;
                Callable<Boolean> attempt = () -> {
                    start.await();
                    try {
                        setIf("lock", value, new Precondition.KeyMustNotExist(b("lock")));
                        return true;
                    } catch (KvException e) {
                        assertThat(e.code()).isEqualTo(KvErrorCode.FAILED_PRECONDITION);
                        return false;
                    }
                };
                results.add(pool.submit(attempt));
            }
            start.countDown();
            int winners = 0;
            for (Future<Boolean> f : results) {
                winners += f.get() ? 1 : 0;
            }
            assertThat(winners).isEqualTo(1);
            assertThat(store.history(HistoryQuery.of(b("lock")))).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void concurrentCompareAndSetIncrementsNeverLoseAnUpdate() throws Exception {
        set("counter", "0");
        int threads = 4;
        int perThread = 10;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                futures.add(pool.submit(() -> {
                    for (int done = 0; done < perThread; ) {
                        KvEntry current = get("counter");
                        String next = String.valueOf(Integer.parseInt(s(current.value())) + 1);
                        try {
                            setIf("counter", next, new Precondition.KeyNotModifiedAfterTx(b("counter"), current.tx()));
                            done++;
                        } catch (KvException e) {
                            assertThat(e.code()).isEqualTo(KvErrorCode.FAILED_PRECONDITION);
                        }
                    }
                }));
            }
            for (Future<?> f : futures) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(s(get("counter").value())).isEqualTo(String.valueOf(threads * perThread));
    }

    private TxHeader setIf(String key, Precondition p) {
        return setIf(key, "v", p);
    }

    private TxHeader setIf(String key, String value, Precondition p) {
        return store.set(List.of(new KvWrite(b(key), b(value))), List.of(p));
    }
}
