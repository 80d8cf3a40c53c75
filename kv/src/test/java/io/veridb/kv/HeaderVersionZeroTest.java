package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.ledger.LedgerOptions;
import io.veridb.proofs.TxHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A database written with header version 0 (immudb 1.1 compatibility, what immudb-node can verify). */
class HeaderVersionZeroTest extends KvStoreTestBase {

    @Override
    LedgerOptions ledgerOptions() {
        return super.ledgerOptions().withHeaderVersion(0);
    }

    @Test
    void plainWritesReferencesAndZsetsWork() {
        TxHeader h = set("k", "v");
        ref("r", "k");
        zAdd("s", 1, "k");

        assertThat(h.version()).isZero();
        assertThat(s(get("r").value())).isEqualTo("v");
        assertThat(store.zScan(ZScanQuery.of(b("s")))).hasSize(1);
    }

    @Test
    void metadataIsUnsupportedSoDeleteAndExpirationAreRejected() {
        set("k", "v");

        assertKvError(() -> setWith("e", "v", expiresAt(clock.epochSecond() + 10)), KvErrorCode.UNKNOWN,
                "metadata is unsupported when in 1.1 compatibility mode");
        assertKvError(() -> store.delete(List.of(b("k")), 0), KvErrorCode.UNKNOWN,
                "metadata is unsupported when in 1.1 compatibility mode");
        assertThat(store.state().txId()).isEqualTo(1);
    }

    @Test
    void valueLongerThanTheLimitNamesItsLengthAndTheLimit() {
        byte[] value = new byte[1 << 25];

        assertKvErrorStarting(() -> store.set(List.of(new KvWrite(b("k"), value)), List.of()), KvErrorCode.UNKNOWN,
                "max value length exceeded").hasMessageContaining(String.valueOf((1 << 25) + 1));
    }
}
