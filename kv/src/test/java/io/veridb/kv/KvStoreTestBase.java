package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.ledger.Ledger;
import io.veridb.ledger.LedgerOptions;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A {@link KvStore} on a real ledger in a temporary directory, with a clock the test controls. */
abstract class KvStoreTestBase {

    @TempDir
    Path dir;

    final MutableClock clock = new MutableClock(Instant.ofEpochSecond(1_700_000_000L));
    Ledger ledger;
    KvStore store;

    @BeforeEach
    void openStore() throws Exception {
        ledger = Ledger.open(dir.resolve("db"), ledgerOptions());
        store = new KvStore(ledger, KvOptions.DEFAULTS.withClock(clock).withMaxResultSize(maxResultSize()));
    }

    @AfterEach
    void closeStore() throws Exception {
        ledger.close();
    }

    LedgerOptions ledgerOptions() {
        return LedgerOptions.defaults().withClock(clock);
    }

    int maxResultSize() {
        return 2500;
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static String s(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    TxHeader set(String key, String value) {
        return store.set(List.of(new KvWrite(b(key), b(value))), List.of());
    }

    TxHeader setWith(String key, String value, KvMetadata md) {
        return store.set(List.of(new KvWrite(b(key), b(value), md)), List.of());
    }

    KvEntry get(String key) {
        return store.get(GetQuery.latest(b(key)));
    }

    TxHeader ref(String key, String target) {
        return store.setReference(new RefSpec(b(key), b(target), 0, false), List.of());
    }

    TxHeader zAdd(String set, double score, String key) {
        return store.zAdd(new ZAddSpec(b(set), score, b(key), 0, false));
    }

    static KvMetadata expiresAt(long epochSecond) {
        return new KvMetadata(false, OptionalLong.of(epochSecond), false);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertKvError(
            Runnable call, KvErrorCode code, String message) {
        return assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(KvException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertKvErrorStarting(
            Runnable call, KvErrorCode code, String prefix) {
        return assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(KvException.class, e -> org.assertj.core.api.Assertions
                        .assertThat(e.code()).isEqualTo(code))
                .hasMessageStartingWith(prefix);
    }
}
