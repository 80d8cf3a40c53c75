package io.veridb.server.immu.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.kv.KvErrorCode;
import io.veridb.proofs.Hashes;
import io.veridb.protocol.immudb.DeleteKeysRequest;
import io.veridb.protocol.immudb.DualProof;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.EntriesSpec;
import io.veridb.protocol.immudb.EntryTypeAction;
import io.veridb.protocol.immudb.EntryTypeSpec;
import io.veridb.protocol.immudb.ExecAllRequest;
import io.veridb.protocol.immudb.Expiration;
import io.veridb.protocol.immudb.HistoryRequest;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.KVMetadata;
import io.veridb.protocol.immudb.KeyListRequest;
import io.veridb.protocol.immudb.KeyPrefix;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.Op;
import io.veridb.protocol.immudb.Precondition;
import io.veridb.protocol.immudb.ReferenceRequest;
import io.veridb.protocol.immudb.ScanRequest;
import io.veridb.protocol.immudb.Score;
import io.veridb.protocol.immudb.SetRequest;
import io.veridb.protocol.immudb.Tx;
import io.veridb.protocol.immudb.TxHeader;
import io.veridb.protocol.immudb.TxRequest;
import io.veridb.protocol.immudb.TxScanRequest;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableReferenceRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableTx;
import io.veridb.protocol.immudb.VerifiableTxRequest;
import io.veridb.protocol.immudb.VerifiableZAddRequest;
import io.veridb.protocol.immudb.ZAddRequest;
import io.veridb.protocol.immudb.ZEntries;
import io.veridb.protocol.immudb.ZScanRequest;
import org.junit.jupiter.api.Test;

/** Wire shape of the unary replies (§7 quirks) and the per-RPC errors of §3.8 and §6. */
class KvRpcsTest extends KvRpcsTestBase {

    @Test
    void firstTransactionHeaderHasGenesisPrevAlhAndZeroBlRoot() {
        TxHeader h = set("k", "v");

        assertThat(h.getId()).isEqualTo(1);
        assertThat(h.getPrevAlh().toByteArray()).isEqualTo(Hashes.sha256());
        assertThat(h.getBlTxId()).isZero();
        assertThat(h.getBlRoot().toByteArray()).isEqualTo(new byte[32]);
        assertThat(h.getEH().size()).isEqualTo(32);
        assertThat(h.getVersion()).isEqualTo(1);
        assertThat(h.getTs()).isEqualTo(1_700_000_000L);
        assertThat(h.hasMetadata()).as("no TxMetadata message without attributes").isFalse();
    }

    @Test
    void proofOfTheFirstTransactionAgainstItselfHasZeroTargetBlTxAlhAndOneLinearTerm() {
        VerifiableTx v = rpcs.verifiableSet(VerifiableSetRequest.newBuilder()
                .setSetRequest(SetRequest.newBuilder().addKVs(KeyValue.newBuilder().setKey(bs("k")).setValue(bs("v"))))
                .build());

        DualProof p = v.getDualProof();
        assertThat(p.getTargetBlTxAlh().toByteArray()).isEqualTo(new byte[32]);
        assertThat(p.getInclusionProofCount() + p.getConsistencyProofCount() + p.getLastInclusionProofCount()).isZero();
        assertThat(p.getLinearProof().getTermsCount()).isEqualTo(1);
        assertThat(p.hasLinearAdvanceProof()).isFalse();
        assertThat(v.hasSignature()).as("no signature without a signing key").isFalse();
    }

    @Test
    void entriesCarryMetadataOnlyWhenTheyHaveAnAttribute() {
        set("plain", "v");
        rpcs.set(SetRequest.newBuilder().addKVs(KeyValue.newBuilder().setKey(bs("exp")).setValue(bs("v"))
                .setMetadata(KVMetadata.newBuilder().setExpiration(Expiration.newBuilder().setExpiresAt(1_800_000_000L))))
                .build());

        Entry plain = rpcs.get(KeyRequest.newBuilder().setKey(bs("plain")).build());
        Entry exp = rpcs.get(KeyRequest.newBuilder().setKey(bs("exp")).build());
        Tx tx1 = rpcs.txById(TxRequest.newBuilder().setTx(1).build());
        Tx tx2 = rpcs.txById(TxRequest.newBuilder().setTx(2).build());

        assertThat(plain.hasMetadata()).isFalse();
        assertThat(plain.hasReferencedBy()).isFalse();
        assertThat(tx1.getEntries(0).hasMetadata()).isFalse();
        assertThat(exp.getMetadata().getExpiration().getExpiresAt()).isEqualTo(1_800_000_000L);
        assertThat(tx2.getEntries(0).getMetadata().hasExpiration()).isTrue();
        assertThat(tx1.getEntries(0).getValue().isEmpty()).isTrue();
        assertThat(tx1.getEntries(0).getHValue().size()).isEqualTo(32);
    }

    @Test
    void currentStateOfAnEmptyDatabaseIsTxZeroWithTheEmptyHash() {
        ImmutableState s = rpcs.currentState();

        assertThat(s.getDb()).isEqualTo(DB);
        assertThat(s.getTxId()).isZero();
        assertThat(s.getTxHash().toByteArray()).isEqualTo(Hashes.sha256());
        assertThat(s.hasSignature()).isFalse();
    }

    @Test
    void proveSinceTxInTheFutureFailsPerRpcAsImmudbDoes() {
        set("k", "v");

        assertKvError(() -> rpcs.verifiableSet(VerifiableSetRequest.newBuilder()
                        .setSetRequest(SetRequest.newBuilder().addKVs(KeyValue.newBuilder().setKey(bs("a")).setValue(bs("b"))))
                        .setProveSinceTx(5).build()),
                KvErrorCode.INVALID_ARGUMENT, "illegal state");
        assertKvError(() -> rpcs.verifiableGet(VerifiableGetRequest.newBuilder()
                        .setKeyRequest(KeyRequest.newBuilder().setKey(bs("k"))).setProveSinceTx(5).build()),
                KvErrorCode.INVALID_ARGUMENT, "illegal state");
        assertKvError(() -> rpcs.verifiableSetReference(VerifiableReferenceRequest.newBuilder()
                        .setReferenceRequest(ReferenceRequest.newBuilder().setKey(bs("r")).setReferencedKey(bs("k")))
                        .setProveSinceTx(5).build()),
                KvErrorCode.INVALID_ARGUMENT, "illegal arguments");
        assertKvError(() -> rpcs.verifiableZAdd(VerifiableZAddRequest.newBuilder()
                        .setZAddRequest(ZAddRequest.newBuilder().setSet(bs("s")).setKey(bs("k")))
                        .setProveSinceTx(5).build()),
                KvErrorCode.INVALID_ARGUMENT, "illegal arguments");
        assertKvError(() -> rpcs.verifiableTxById(VerifiableTxRequest.newBuilder().setTx(1).setProveSinceTx(5).build()),
                KvErrorCode.UNKNOWN, "illegal state: latest txID=1 is lower than specified as initial tx=5");
        assertThat(rpcs.currentState().getTxId()).as("nothing written").isEqualTo(1);
    }

    @Test
    void unknownTransactionAndDeletedKeyUseImmudbTexts() {
        set("k", "v");
        rpcs.delete(DeleteKeysRequest.newBuilder().addKeys(bs("k")).build());

        assertKvError(() -> rpcs.get(KeyRequest.newBuilder().setKey(bs("k")).build()), KvErrorCode.UNKNOWN,
                "tbtree: key not found");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rpcs.txById(TxRequest.newBuilder().setTx(9).build()))
                .hasMessageStartingWith("tx not found");
    }

    @Test
    void scanAndHistoryAndTxScanLimitsAboveTheMaximumAreRejected() {
        set("k", "v");

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rpcs.scan(ScanRequest.newBuilder().setLimit(2501).build()))
                .hasMessageStartingWith("result size limit exceeded");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rpcs.scan(ScanRequest.newBuilder().setLimit(-1).build()))
                .hasMessageStartingWith("result size limit exceeded");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rpcs.history(HistoryRequest.newBuilder()
                        .setKey(bs("k")).setLimit(2501).build()))
                .hasMessageStartingWith("result size limit exceeded");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> rpcs.txScan(TxScanRequest.newBuilder()
                        .setInitialTx(1).setLimit(2501).build()))
                .hasMessageStartingWith("result size limit exceeded");
    }

    @Test
    void scanCountGetAllAndHistoryTranslateBothWays() {
        set("a1", "x");
        set("a2", "y");
        set("a1", "z");

        assertThat(rpcs.scan(ScanRequest.newBuilder().setPrefix(bs("a")).build()).getEntriesList())
                .extracting(e -> e.getValue().toStringUtf8()).containsExactly("z", "y");
        assertThat(rpcs.count(KeyPrefix.newBuilder().setPrefix(bs("a")).build()).getCount()).isEqualTo(2);
        assertThat(rpcs.countAll().getCount()).isEqualTo(2);
        assertThat(rpcs.getAll(KeyListRequest.newBuilder().addKeys(bs("a2")).addKeys(bs("zz")).build())
                .getEntriesCount()).isEqualTo(1);
        assertThat(rpcs.history(HistoryRequest.newBuilder().setKey(bs("a1")).setDesc(true).build()).getEntriesList())
                .extracting(Entry::getRevision).containsExactly(2L, 1L);
    }

    @Test
    void preconditionsAndExecAllOperationsTranslate() {
        set("k", "v");

        assertKvErrorStarting(() -> rpcs.set(SetRequest.newBuilder()
                        .addKVs(KeyValue.newBuilder().setKey(bs("k")).setValue(bs("w")))
                        .addPreconditions(Precondition.newBuilder().setKeyMustNotExist(
                                Precondition.KeyMustNotExistPrecondition.newBuilder().setKey(bs("k"))))
                        .build()),
                KvErrorCode.FAILED_PRECONDITION, "precondition failed");
        assertKvErrorStarting(() -> rpcs.set(SetRequest.newBuilder()
                        .addKVs(KeyValue.newBuilder().setKey(bs("k")).setValue(bs("w")))
                        .addPreconditions(Precondition.newBuilder())
                        .build()),
                KvErrorCode.INVALID_ARGUMENT, "invalid precondition");

        TxHeader h = rpcs.execAll(ExecAllRequest.newBuilder()
                .addOperations(Op.newBuilder().setKv(KeyValue.newBuilder().setKey(bs("k2")).setValue(bs("v2"))))
                .addOperations(Op.newBuilder().setZAdd(ZAddRequest.newBuilder().setSet(bs("s")).setScore(1)
                        .setKey(bs("k2"))))
                .addOperations(Op.newBuilder().setRef(ReferenceRequest.newBuilder().setKey(bs("r"))
                        .setReferencedKey(bs("k"))))
                .build());

        assertThat(h.getNentries()).isEqualTo(3);
        ZEntries z = rpcs.zScan(ZScanRequest.newBuilder().setSet(bs("s"))
                .setMinScore(Score.newBuilder().setScore(0)).build());
        assertThat(z.getEntriesList()).singleElement().satisfies(e -> {
            assertThat(e.getKey().toStringUtf8()).isEqualTo("k2");
            assertThat(e.getEntry().getValue().toStringUtf8()).isEqualTo("v2");
        });
        assertThat(rpcs.get(KeyRequest.newBuilder().setKey(bs("r")).build()).getReferencedBy().getKey().toStringUtf8())
                .isEqualTo("r");
    }

    @Test
    void entriesSpecResolvesKvAndZsetEntries() {
        set("k", "v");
        rpcs.zAdd(ZAddRequest.newBuilder().setSet(bs("s")).setScore(3).setKey(bs("k")).build());
        EntryTypeSpec resolve = EntryTypeSpec.newBuilder().setAction(EntryTypeAction.RESOLVE).build();

        Tx kv = rpcs.txById(TxRequest.newBuilder().setTx(1)
                .setEntriesSpec(EntriesSpec.newBuilder().setKvEntriesSpec(resolve)).build());
        Tx z = rpcs.txById(TxRequest.newBuilder().setTx(2)
                .setEntriesSpec(EntriesSpec.newBuilder().setZEntriesSpec(resolve)).build());

        assertThat(kv.getEntriesCount()).isZero();
        assertThat(kv.getKvEntries(0).getValue().toStringUtf8()).isEqualTo("v");
        assertThat(z.getZEntries(0).getScore()).isEqualTo(3.0);
        assertThat(z.getZEntries(0).getEntry().getValue().toStringUtf8()).isEqualTo("v");
    }

    private static void assertKvErrorStarting(Runnable call, KvErrorCode code, String prefix) {
        org.assertj.core.api.Assertions.assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(io.veridb.kv.KvException.class,
                        e -> assertThat(e.code()).isEqualTo(code))
                .hasMessageStartingWith(prefix);
    }
}
