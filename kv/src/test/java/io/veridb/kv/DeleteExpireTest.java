package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class DeleteExpireTest extends KvStoreTestBase {

    @Test
    void deleteWritesAnEmptyUnprefixedValueWithDeletedMetadata() {
        set("k", "v");

        TxHeader h = store.delete(List.of(b("k")), 0);

        RawEntry e = store.txById(TxQuery.of(h.id())).entries().get(0);
        assertThat(s(e.key())).isEqualTo("\0k");
        assertThat(e.vLen()).isZero();
        assertThat(e.hValue()).isEqualTo(Hashes.sha256());
        assertThat(e.metadata()).isEqualTo(new KvMetadata(true, OptionalLong.empty(), false));
    }

    @Test
    void deletedKeyIsNotFoundButItsHistoryKeepsEveryVersion() {
        set("k", "v");
        store.delete(List.of(b("k")), 0);

        assertKvError(() -> get("k"), KvErrorCode.UNKNOWN, "tbtree: key not found");
        List<KvEntry> history = store.history(HistoryQuery.of(b("k")));
        assertThat(history).hasSize(2);
        assertThat(history.get(1).metadata().deleted()).isTrue();
        assertThat(history.get(1).value()).isEmpty();
    }

    @Test
    void deletingAMissingOrAlreadyDeletedKeyIsKeyNotFound() {
        set("k", "v");
        store.delete(List.of(b("k")), 0);

        assertKvError(() -> store.delete(List.of(b("k")), 0), KvErrorCode.UNKNOWN, "tbtree: key not found");
        assertKvError(() -> store.delete(List.of(b("nope")), 0), KvErrorCode.UNKNOWN, "tbtree: key not found");
    }

    @Test
    void deletingTheSameKeyTwiceInOneRequestIsKeyNotFound() {
        set("k", "v");

        assertKvError(() -> store.delete(List.of(b("k"), b("k")), 0), KvErrorCode.UNKNOWN, "tbtree: key not found");
        assertThat(s(get("k").value())).isEqualTo("v");
    }

    @Test
    void keyCanBeWrittenAgainAfterDeletion() {
        set("k", "v1");
        store.delete(List.of(b("k")), 0);
        set("k", "v2");

        assertThat(s(get("k").value())).isEqualTo("v2");
        assertThat(get("k").revision()).isEqualTo(3);
    }

    @Test
    void deleteWithSinceTxBeyondTheLastIsTxNotFound() {
        set("k", "v");

        assertKvErrorStarting(() -> store.delete(List.of(b("k")), 5), KvErrorCode.UNKNOWN, "tx not found");
    }

    @Test
    void expiredEntryIsNotFoundWithTheExpiredDetail() {
        setWith("k", "v", expiresAt(clock.epochSecond() + 10));
        assertThat(s(get("k").value())).isEqualTo("v");

        clock.advanceSeconds(10);

        assertKvError(() -> get("k"), KvErrorCode.UNKNOWN, "tbtree: key not found: expired entry");
        assertKvError(() -> store.get(GetQuery.atTx(b("k"), 1)), KvErrorCode.UNKNOWN,
                "tbtree: key not found: expired entry");
    }

    @Test
    void historyMarksExpiredVersionsAndHidesTheirValue() {
        setWith("k", "old", expiresAt(clock.epochSecond() + 1));
        set("k", "new");
        clock.advanceSeconds(5);

        List<KvEntry> history = store.history(HistoryQuery.of(b("k")));

        assertThat(history.get(0).expired()).isTrue();
        assertThat(history.get(0).value()).isEmpty();
        assertThat(history.get(1).expired()).isFalse();
        assertThat(s(history.get(1).value())).isEqualTo("new");
    }

    @Test
    void deletingAnExpiredKeyIsTheExpiredError() {
        setWith("k", "v", expiresAt(clock.epochSecond() - 1));

        assertKvError(() -> store.delete(List.of(b("k")), 0), KvErrorCode.UNKNOWN,
                "tbtree: key not found: expired entry");
    }

    @Test
    void nonIndexableEntryIsWrittenButNotVisibleThroughTheIndex() {
        set("k", "indexed");
        TxHeader h = setWith("k", "hidden", new KvMetadata(false, OptionalLong.empty(), true));

        assertThat(s(get("k").value())).isEqualTo("indexed");
        assertThat(store.txById(TxQuery.of(h.id())).entries()).hasSize(1);
    }
}
