package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class SetGetTest extends KvStoreTestBase {

    @Test
    void setWritesOneTransactionWithPrefixedEntriesInRequestOrder() {
        TxHeader h = store.set(List.of(new KvWrite(b("b"), b("2")), new KvWrite(b("a"), b("1"))), List.of());

        TxView tx = store.txById(TxQuery.of(h.id()));
        assertThat(h.id()).isEqualTo(1);
        assertThat(h.nentries()).isEqualTo(2);
        assertThat(tx.entries()).extracting(e -> s(e.key())).containsExactly("\0b", "\0a");
        assertThat(tx.entries()).allSatisfy(e -> assertThat(e.vLen()).isEqualTo(2));
    }

    @Test
    void getReturnsLatestValueWithTxAndRevision() {
        set("k", "v1");
        TxHeader second = set("k", "v2");

        KvEntry e = get("k");

        assertThat(s(e.value())).isEqualTo("v2");
        assertThat(s(e.key())).isEqualTo("k");
        assertThat(e.tx()).isEqualTo(second.id());
        assertThat(e.revision()).isEqualTo(2);
        assertThat(e.metadata().isEmpty()).isTrue();
        assertThat(e.referencedBy()).isEmpty();
    }

    @Test
    void getAtTxReadsTheVersionWrittenInThatTransaction() {
        TxHeader first = set("k", "v1");
        set("k", "v2");

        KvEntry e = store.get(GetQuery.atTx(b("k"), first.id()));

        assertThat(s(e.value())).isEqualTo("v1");
        assertThat(e.tx()).isEqualTo(first.id());
    }

    @Test
    void getAtTxOfATransactionWithoutTheKeyIsKeyNotFound() {
        set("k", "v1");
        TxHeader other = set("other", "x");

        assertKvError(() -> store.get(GetQuery.atTx(b("k"), other.id())), KvErrorCode.UNKNOWN, "tbtree: key not found");
    }

    @Test
    void getAtRevisionCountsFromTheFirstOrBackFromTheLatest() {
        set("k", "v1");
        set("k", "v2");
        set("k", "v3");

        assertThat(s(store.get(GetQuery.atRevision(b("k"), 1)).value())).isEqualTo("v1");
        assertThat(store.get(GetQuery.atRevision(b("k"), 1)).revision()).isEqualTo(1);
        assertThat(s(store.get(GetQuery.atRevision(b("k"), -1)).value())).isEqualTo("v2");
        assertThat(store.get(GetQuery.atRevision(b("k"), -1)).revision()).isEqualTo(2);
        assertKvErrorStarting(() -> store.get(GetQuery.atRevision(b("k"), 4)), KvErrorCode.UNKNOWN,
                "invalid key revision number");
    }

    @Test
    void unknownKeyIsKeyNotFoundEndingAsClientsMatch() {
        assertKvError(() -> get("missing"), KvErrorCode.UNKNOWN, "tbtree: key not found")
                .satisfies(e -> assertThat(e.getMessage()).endsWith("key not found"));
    }

    @Test
    void emptyKeyInSetIsExactIllegalArguments() {
        assertKvError(() -> set("", "v"), KvErrorCode.INVALID_ARGUMENT, "illegal arguments");
    }

    @Test
    void duplicatedKeyInOneSetIsRejectedAndNothingIsWritten() {
        assertKvError(() -> store.set(List.of(new KvWrite(b("k"), b("1")), new KvWrite(b("k"), b("2"))), List.of()),
                KvErrorCode.INVALID_ARGUMENT, "duplicated keys are not supported in single batch transaction");
        assertThat(store.state().txId()).isZero();
    }

    @Test
    void keyLongerThanTheLedgerLimitNamesTheLengthAndLimit() {
        byte[] key = new byte[1024];
        Arrays.fill(key, (byte) 'x');

        assertKvErrorStarting(() -> store.set(List.of(new KvWrite(key, b("v"))), List.of()), KvErrorCode.UNKNOWN,
                "max key length exceeded").hasMessageContaining("1025").hasMessageContaining("1024");
    }

    @Test
    void longestAllowedUserKeyIsOneLessThanTheStoredLimit() {
        byte[] key = new byte[1023];
        Arrays.fill(key, (byte) 'x');

        store.set(List.of(new KvWrite(key, b("v"))), List.of());

        assertThat(s(store.get(GetQuery.latest(key)).value())).isEqualTo("v");
    }

    @Test
    void sinceTxBeyondTheLastTransactionIsIllegalArguments() {
        set("k", "v");

        assertKvErrorStarting(() -> store.get(new GetQuery(b("k"), 0, 2, false, 0)), KvErrorCode.UNKNOWN,
                "illegal arguments: SinceTx must not be greater than the current transaction ID");
        assertThat(s(store.get(new GetQuery(b("k"), 0, 1, false, 0)).value())).isEqualTo("v");
    }

    @Test
    void atTxCombinedWithSinceTxOrRevisionIsIllegal() {
        set("k", "v");

        assertKvErrorStarting(() -> store.get(new GetQuery(b("k"), 1, 1, false, 0)), KvErrorCode.UNKNOWN,
                "illegal arguments: SinceTx should not be specified when AtTx is used");
        assertKvErrorStarting(() -> store.get(new GetQuery(b("k"), 1, 0, false, 1)), KvErrorCode.UNKNOWN,
                "illegal arguments: AtRevision should not be specified when AtTx is used");
    }

    @Test
    void getAllSkipsMissingDeletedAndExpiredKeys() {
        set("a", "1");
        set("b", "2");
        setWith("c", "3", expiresAt(clock.epochSecond() - 1));
        store.delete(List.of(b("b")), 0);

        List<KvEntry> all = store.getAll(List.of(b("a"), b("b"), b("c"), b("zz")), 0);

        assertThat(all).extracting(e -> s(e.key())).containsExactly("a");
    }

    @Test
    void metadataIsStoredAndReturnedOnlyWhenSet() {
        KvMetadata md = expiresAt(clock.epochSecond() + 100);
        setWith("k", "v", md);
        set("plain", "v");

        assertThat(get("k").metadata()).isEqualTo(md);
        assertThat(get("plain").metadata()).isEqualTo(KvMetadata.NONE);
    }

    @Test
    void emptyValueIsAllowedAndStoredWithItsPrefix() {
        TxHeader h = set("k", "");

        assertThat(get("k").value()).isEmpty();
        assertThat(store.txById(TxQuery.of(h.id())).entries().get(0).vLen()).isEqualTo(1);
    }
}
