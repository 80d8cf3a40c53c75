package io.veridb.server.immu.kv;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.veridb.kv.KvErrorCode;
import io.veridb.kv.KvException;
import io.veridb.kv.KvOptions;
import io.veridb.kv.KvStore;
import io.veridb.ledger.Ledger;
import io.veridb.ledger.LedgerOptions;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.SetRequest;
import io.veridb.protocol.immudb.TxHeader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.assertj.core.api.AbstractThrowableAssert;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.io.TempDir;

/** A real ledger in a temporary directory behind {@link KvRpcs} for database "defaultdb". */
abstract class KvRpcsTestBase {

    static final String DB = "defaultdb";
    static final Clock CLOCK = Clock.fixed(Instant.ofEpochSecond(1_700_000_000L), ZoneOffset.UTC);

    @TempDir
    Path dir;

    Ledger ledger;
    KvStore store;
    KvRpcs rpcs;

    @BeforeEach
    void open() throws Exception {
        ledger = Ledger.open(dir.resolve("db"), ledgerOptions());
        store = new KvStore(ledger, KvOptions.DEFAULTS.withClock(CLOCK));
        rpcs = new KvRpcs(store, DB, signer());
    }

    @AfterEach
    void close() throws Exception {
        ledger.close();
    }

    LedgerOptions ledgerOptions() {
        return LedgerOptions.defaults().withClock(CLOCK);
    }

    StateSigner signer() {
        return StateSigner.NONE;
    }

    static ByteString bs(String s) {
        return ByteString.copyFromUtf8(s);
    }

    static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    TxHeader set(String key, String value) {
        return rpcs.set(SetRequest.newBuilder()
                .addKVs(KeyValue.newBuilder().setKey(bs(key)).setValue(bs(value)))
                .build());
    }

    static AbstractThrowableAssert<?, ? extends Throwable> assertKvError(
            Runnable call, KvErrorCode code, String message) {
        return assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(KvException.class,
                        e -> org.assertj.core.api.Assertions.assertThat(e.code()).isEqualTo(code))
                .hasMessage(message);
    }
}
