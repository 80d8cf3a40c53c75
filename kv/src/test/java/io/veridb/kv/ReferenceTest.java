package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.proofs.TxHeader;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferenceTest extends KvStoreTestBase {

    @Test
    void referenceValueIsEncodedWithPrefixAtTxAndReferencedKey() {
        set("target", "v");

        TxHeader h = ref("alias", "target");

        RawEntry e = store.txById(new TxQuery(h.id(), new EntriesSpec(EntryAction.RAW_VALUE, EntryAction.EXCLUDE,
                EntryAction.EXCLUDE), 0, false, false)).entries().get(0);
        assertThat(s(e.key())).isEqualTo("\0alias");
        assertThat(e.value()).hasValueSatisfying(v -> assertThat(v).isEqualTo(KvEncoding.referenceValue(b("target"), 0)));
        assertThat(e.metadata().isEmpty()).isTrue();
    }

    @Test
    void getOnAReferenceDescribesTheTargetAndTheReference() {
        TxHeader t = set("target", "v1");
        TxHeader r = ref("alias", "target");
        TxHeader t2 = set("target", "v2");

        KvEntry e = get("alias");

        assertThat(s(e.key())).isEqualTo("target");
        assertThat(s(e.value())).isEqualTo("v2");
        assertThat(e.tx()).isEqualTo(t2.id());
        assertThat(e.revision()).isEqualTo(2);
        KvRef by = e.referencedBy().orElseThrow();
        assertThat(s(by.key())).isEqualTo("alias");
        assertThat(by.tx()).isEqualTo(r.id());
        assertThat(by.atTx()).isZero();
        assertThat(by.revision()).isEqualTo(1);
        assertThat(t.id()).isLessThan(r.id());
    }

    @Test
    void boundReferenceResolvesToTheVersionOfItsTransaction() {
        TxHeader t1 = set("target", "v1");
        set("target", "v2");

        store.setReference(new RefSpec(b("alias"), b("target"), t1.id(), true), List.of());

        KvEntry e = get("alias");
        assertThat(s(e.value())).isEqualTo("v1");
        assertThat(e.tx()).isEqualTo(t1.id());
        assertThat(e.referencedBy().orElseThrow().atTx()).isEqualTo(t1.id());
    }

    @Test
    void boundRefFlagMustMatchAtTx() {
        set("target", "v");

        assertKvError(() -> store.setReference(new RefSpec(b("a"), b("target"), 1, false), List.of()),
                KvErrorCode.INVALID_ARGUMENT, "illegal arguments");
        assertKvError(() -> store.setReference(new RefSpec(b("a"), b("target"), 0, true), List.of()),
                KvErrorCode.INVALID_ARGUMENT, "illegal arguments");
    }

    @Test
    void referencedKeyMustExistAtItsTransaction() {
        set("target", "v");
        set("other", "x");

        assertKvError(() -> ref("alias", "missing"), KvErrorCode.UNKNOWN, "tbtree: key not found");
        assertKvError(() -> store.setReference(new RefSpec(b("alias"), b("target"), 2, true), List.of()),
                KvErrorCode.UNKNOWN, "tbtree: key not found");
    }

    @Test
    void referencedKeyCannotBeAReference() {
        set("target", "v");
        ref("alias", "target");

        assertKvError(() -> ref("alias2", "alias"), KvErrorCode.UNKNOWN, "referenced key cannot be a reference");
    }

    @Test
    void existingPlainKeyCannotBecomeAReferenceButAReferenceCanBeRepointed() {
        set("target", "v");
        set("other", "w");
        ref("alias", "target");

        assertKvError(() -> ref("other", "target"), KvErrorCode.UNKNOWN,
                "final key cannot be converted into a reference");
        ref("alias", "other");
        assertThat(s(get("alias").value())).isEqualTo("w");
    }

    @Test
    void deletedPlainKeyMayBecomeAReference() {
        set("target", "v");
        set("old", "x");
        store.delete(List.of(b("old")), 0);

        ref("old", "target");

        assertThat(s(get("old").value())).isEqualTo("v");
    }

    @Test
    void referenceToADeletedKeyIsKeyNotFound() {
        set("target", "v");
        ref("alias", "target");
        store.delete(List.of(b("target")), 0);

        assertKvError(() -> get("alias"), KvErrorCode.UNKNOWN, "tbtree: key not found");
    }

    @Test
    void emptyKeysAreIllegalArguments() {
        assertKvError(() -> ref("", "t"), KvErrorCode.INVALID_ARGUMENT, "illegal arguments");
        assertKvError(() -> ref("a", ""), KvErrorCode.INVALID_ARGUMENT, "illegal arguments");
    }
}
