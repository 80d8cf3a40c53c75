package io.veridb.client;

import static io.veridb.client.FakeChain.bs;
import static io.veridb.client.FakeChain.utf8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.veridb.client.FakeChain.Stored;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.KVMetadata;
import io.veridb.protocol.immudb.LinearAdvanceProof;
import io.veridb.protocol.immudb.Reference;
import io.veridb.protocol.immudb.Signature;
import io.veridb.protocol.immudb.VerifiableEntry;
import io.veridb.protocol.immudb.VerifiableTx;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.OptionalLong;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KvVerifierTest {

    private FakeChain chain;

    @BeforeEach
    void chainOfFiveTransactions() {
        chain = new FakeChain("defaultdb", 1);
        for (int i = 1; i <= 5; i++) {
            chain.commit(Stored.plain("k" + i, "v" + i), Stored.plain("other" + i, "x"));
        }
    }

    private static KvVerifier.ExpectedEntry plain(String k, String v) {
        return new KvVerifier.ExpectedEntry(Keys.plainKey(utf8(k)), KvMetadata.NONE, Keys.plainValue(utf8(v)));
    }

    // ------------------------------------------------------------------ writes

    @Test
    void verifiedWriteFromTrustedStateMovesStateToNewTx() {
        DatabaseState state = chain.trusted(3);
        TxHeader h = chain.commit(Stored.plain("a", "1"));
        KvVerifier.Verified<TxHeader> v = KvVerifier.verifyWrite("verifiedSet", state,
                chain.verifiableWrite(h.id(), 3), plain("a", "1"), null);
        assertThat(v.value()).isEqualTo(h);
        assertThat(v.state()).isEqualTo(chain.trusted(6));
    }

    @Test
    void verifiedWriteOnFreshStateSkipsDualProofButChecksEntry() {
        FakeChain fresh = new FakeChain("db1", 1);
        TxHeader h = fresh.commit(Stored.plain("a", "1"));
        KvVerifier.Verified<TxHeader> v = KvVerifier.verifyWrite("verifiedSet", DatabaseState.empty("db1"),
                fresh.verifiableWrite(1, 0), plain("a", "1"), null);
        assertThat(v.state().txId()).isEqualTo(1);
        assertThat(v.state().alh()).isEqualTo(h.alh());
        assertThatThrownBy(() -> KvVerifier.verifyWrite("verifiedSet", DatabaseState.empty("db1"),
                        fresh.verifiableWrite(1, 0), plain("a", "2"), null))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("verifiedSet: tx entry hValue");
    }

    @Test
    void verifiedWriteRejectsAServerThatStoredAnotherValue() {
        TxHeader h = chain.commit(Stored.plain("a", "evil"));
        VerificationException e = catchVerification(() -> KvVerifier.verifyWrite("verifiedSet", chain.trusted(5),
                chain.verifiableWrite(h.id(), 5), plain("a", "1"), null));
        assertThat(e.check()).isEqualTo("verifiedSet: tx entry hValue");
        assertThat(e.expected()).isEqualTo(Bytes.hex(Hashes.sha256(Keys.plainValue(utf8("1")))));
        assertThat(e.calculated()).isEqualTo(Bytes.hex(Hashes.sha256(Keys.plainValue(utf8("evil")))));
    }

    @Test
    void verifiedWriteRejectsAnEHThatDoesNotCoverTheEntry() {
        TxHeader h = chain.commit(Stored.plain("a", "1"));
        VerifiableTx honest = chain.verifiableWrite(h.id(), 5);
        byte[] badEh = Hashes.sha256(utf8("not the entries"));
        VerifiableTx tampered = honest.toBuilder()
                .setTx(honest.getTx().toBuilder().setHeader(honest.getTx().getHeader().toBuilder().setEH(bs(badEh))))
                .build();
        VerificationException e = catchVerification(() -> KvVerifier.verifyWrite("verifiedSet", chain.trusted(5),
                tampered, plain("a", "1"), null));
        assertThat(e.check()).contains("entries inclusion").contains("eH");
        assertThat(e.expected()).isEqualTo(Bytes.hex(badEh));
    }

    @Test
    void verifiedWriteRejectsAForkedHistory() {
        DatabaseState forked = new DatabaseState("defaultdb", 3, Hashes.sha256(utf8("another history")),
                new byte[0]);
        TxHeader h = chain.commit(Stored.plain("a", "1"));
        VerificationException e = catchVerification(() -> KvVerifier.verifyWrite("verifiedSet", forked,
                chain.verifiableWrite(h.id(), 3), plain("a", "1"), null));
        assertThat(e.check()).isEqualTo("verifiedSet: dual proof (3 -> 6): Alh(source header)");
        assertThat(e.expected()).isEqualTo(Bytes.hex(forked.alh()));
        assertThat(e.calculated()).isEqualTo(Bytes.hex(chain.header(3).alh()));
    }

    @Test
    void verifiedWriteRejectsEveryFlippedDualProofTerm() {
        TxHeader h = chain.commit(Stored.plain("a", "1"));
        VerifiableTx honest = chain.verifiableWrite(h.id(), 2);
        io.veridb.protocol.immudb.DualProof dp = honest.getDualProof();
        assertThat(dp.getInclusionProofCount() + dp.getConsistencyProofCount() + dp.getLastInclusionProofCount())
                .isPositive();
        for (int i = 0; i < dp.getInclusionProofCount(); i++) {
            assertRejected(honest.toBuilder().setDualProof(dp.toBuilder().setInclusionProof(i,
                    flip(dp.getInclusionProof(i)))).build());
        }
        for (int i = 0; i < dp.getConsistencyProofCount(); i++) {
            assertRejected(honest.toBuilder().setDualProof(dp.toBuilder().setConsistencyProof(i,
                    flip(dp.getConsistencyProof(i)))).build());
        }
        for (int i = 0; i < dp.getLastInclusionProofCount(); i++) {
            assertRejected(honest.toBuilder().setDualProof(dp.toBuilder().setLastInclusionProof(i,
                    flip(dp.getLastInclusionProof(i)))).build());
        }
        assertRejected(honest.toBuilder().setDualProof(dp.toBuilder().setTargetBlTxAlh(flip(dp.getTargetBlTxAlh())))
                .build());
        assertRejected(honest.toBuilder().setDualProof(dp.toBuilder().setLinearProof(dp.getLinearProof().toBuilder()
                .setTerms(1, flip(dp.getLinearProof().getTerms(1))))).build());
    }

    private void assertRejected(VerifiableTx tampered) {
        assertThatThrownBy(() -> KvVerifier.verifyWrite("verifiedSet", chain.trusted(2), tampered, plain("a", "1"),
                null)).isInstanceOf(VerificationException.class).hasMessageContaining("dual proof (2 -> 6)");
    }

    @Test
    void verifiedWriteRejectsAnyLinearAdvanceProofTerms() {
        TxHeader h = chain.commit(Stored.plain("a", "1"));
        VerifiableTx honest = chain.verifiableWrite(h.id(), 5);
        VerifiableTx tampered = honest.toBuilder().setDualProof(honest.getDualProof().toBuilder()
                .setLinearAdvanceProof(LinearAdvanceProof.newBuilder().addLinearProofTerms(bs(new byte[32]))))
                .build();
        VerificationException e = catchVerification(() -> KvVerifier.verifyWrite("verifiedSet", chain.trusted(5),
                tampered, plain("a", "1"), null));
        assertThat(e.check()).isEqualTo("dual proof linear advance proof");
    }

    @Test
    void verifiedWriteRejectsATargetHeaderOtherThanTheTx() {
        TxHeader h = chain.commit(Stored.plain("a", "1"));
        VerifiableTx honest = chain.verifiableWrite(h.id(), 5);
        VerifiableTx tampered = honest.toBuilder().setDualProof(honest.getDualProof().toBuilder()
                .setTargetTxHeader(honest.getDualProof().getTargetTxHeader().toBuilder().setTs(1))).build();
        VerificationException e = catchVerification(() -> KvVerifier.verifyWrite("verifiedSet", chain.trusted(5),
                tampered, plain("a", "1"), null));
        assertThat(e.check()).isEqualTo("verifiedSet: dual proof target header");
    }

    @Test
    void verifiedWriteRejectsMetadataOtherThanRequested() {
        KvMetadata expiring = new KvMetadata(false, OptionalLong.of(1_800_000_000L), false);
        TxHeader h = chain.commit(new Stored(Keys.plainKey(utf8("a")), expiring, Keys.plainValue(utf8("1"))));
        VerificationException e = catchVerification(() -> KvVerifier.verifyWrite("verifiedSet", chain.trusted(5),
                chain.verifiableWrite(h.id(), 5), plain("a", "1"), null));
        assertThat(e.check()).isEqualTo("verifiedSet: tx entry metadata");
        KvVerifier.Verified<TxHeader> ok = KvVerifier.verifyWrite("verifiedSet", chain.trusted(5),
                chain.verifiableWrite(h.id(), 5), new KvVerifier.ExpectedEntry(Keys.plainKey(utf8("a")), expiring,
                        Keys.plainValue(utf8("1"))), null);
        assertThat(ok.state().txId()).isEqualTo(6);
    }

    @Test
    void verifiedReferenceAndZAddDigestsUseTheStoredEncodings() {
        TxHeader ref = chain.commit(new Stored(Keys.plainKey(utf8("r")), KvMetadata.NONE,
                Keys.referenceValue(utf8("k1"), 0)));
        DatabaseState s = KvVerifier.verifyWrite("verifiedSetReference", chain.trusted(5),
                chain.verifiableWrite(ref.id(), 5), new KvVerifier.ExpectedEntry(Keys.plainKey(utf8("r")),
                        KvMetadata.NONE, Keys.referenceValue(utf8("k1"), 0)), null).state();
        byte[] zkey = Keys.zsetKey(utf8("set"), 2.5, utf8("k1"), 0);
        TxHeader z = chain.commit(new Stored(zkey, KvMetadata.NONE, new byte[0]));
        DatabaseState s2 = KvVerifier.verifyWrite("verifiedZAdd", s, chain.verifiableWrite(z.id(), s.txId()),
                new KvVerifier.ExpectedEntry(zkey, KvMetadata.NONE, new byte[0]), null).state();
        assertThat(s2.txId()).isEqualTo(7);
        assertThatThrownBy(() -> KvVerifier.verifyWrite("verifiedZAdd", s, chain.verifiableWrite(z.id(), s.txId()),
                new KvVerifier.ExpectedEntry(Keys.zsetKey(utf8("set"), 3.5, utf8("k1"), 0), KvMetadata.NONE,
                        new byte[0]), null))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("verifiedZAdd: tx entry key");
    }

    // ------------------------------------------------------------------ reads

    private static Entry entry(String k, String v, long tx) {
        return Entry.newBuilder().setKey(bs(utf8(k))).setValue(bs(utf8(v))).setTx(tx).setRevision(1).build();
    }

    @Test
    void verifiedGetOfAnOlderTxKeepsTheTrustedState() {
        DatabaseState state = chain.trusted(5);
        VerifiableEntry ve = chain.verifiableEntry(entry("k2", "v2", 2), 2, 0, 5);
        KvVerifier.Verified<KvEntry> v = KvVerifier.verifyEntry(state, ve, utf8("k2"), 0, null);
        assertThat(v.value().valueAsString()).isEqualTo("v2");
        assertThat(v.state()).isEqualTo(state);
    }

    @Test
    void verifiedGetOfANewerTxAdvancesTheTrustedState() {
        VerifiableEntry ve = chain.verifiableEntry(entry("other5", "x", 5), 5, 1, 2);
        KvVerifier.Verified<KvEntry> v = KvVerifier.verifyEntry(chain.trusted(2), ve, utf8("other5"), 0, null);
        assertThat(v.state()).isEqualTo(chain.trusted(5));
        KvVerifier.Verified<KvEntry> same = KvVerifier.verifyEntry(chain.trusted(5),
                chain.verifiableEntry(entry("other5", "x", 5), 5, 1, 5), utf8("other5"), 5, null);
        assertThat(same.state()).isEqualTo(chain.trusted(5));
    }

    @Test
    void verifiedGetRejectsATamperedValue() {
        VerifiableEntry ve = chain.verifiableEntry(entry("k3", "forged", 3), 3, 0, 5);
        VerificationException e = catchVerification(() -> KvVerifier.verifyEntry(chain.trusted(5), ve, utf8("k3"),
                0, null));
        assertThat(e.check()).startsWith("verifiedGet: entries inclusion (leaf 0, width 2): eH");
        assertThat(e.expected()).isEqualTo(Bytes.hex(chain.header(3).eH()));
    }

    @Test
    void verifiedGetRejectsAnotherKeyADeletedEntryAndAWrongAtTx() {
        VerifiableEntry other = chain.verifiableEntry(entry("k3", "v3", 3), 3, 0, 5);
        assertThat(catchVerification(() -> KvVerifier.verifyEntry(chain.trusted(5), other, utf8("k4"), 0, null))
                .check()).isEqualTo("verifiedGet: returned key");
        assertThat(catchVerification(() -> KvVerifier.verifyEntry(chain.trusted(5), other, utf8("k3"), 4, null))
                .check()).isEqualTo("verifiedGet: entry tx for atTx");
        VerifiableEntry deleted = other.toBuilder().setEntry(other.getEntry().toBuilder()
                .setMetadata(KVMetadata.newBuilder().setDeleted(true))).build();
        assertThat(catchVerification(() -> KvVerifier.verifyEntry(chain.trusted(5), deleted, utf8("k3"), 0, null))
                .check()).isEqualTo("verifiedGet: entry not deleted");
    }

    @Test
    void verifiedGetThroughAReferenceHashesTheReferenceEntry() {
        TxHeader ref = chain.commit(new Stored(Keys.plainKey(utf8("r")), KvMetadata.NONE,
                Keys.referenceValue(utf8("k1"), 1)));
        Entry e = entry("k1", "v1", 1).toBuilder()
                .setReferencedBy(Reference.newBuilder().setTx(ref.id()).setKey(bs(utf8("r"))).setAtTx(1))
                .build();
        KvVerifier.Verified<KvEntry> v = KvVerifier.verifyEntry(chain.trusted(5),
                chain.verifiableEntry(e, ref.id(), 0, 5), utf8("r"), 0, null);
        assertThat(v.value().referencedBy()).isPresent();
        assertThat(v.state().txId()).isEqualTo(6);
        Entry unbound = e.toBuilder().setReferencedBy(e.getReferencedBy().toBuilder().setAtTx(0)).build();
        assertThatThrownBy(() -> KvVerifier.verifyEntry(chain.trusted(5),
                chain.verifiableEntry(unbound, ref.id(), 0, 5), utf8("r"), 0, null))
                .isInstanceOf(VerificationException.class)
                .hasMessageContaining("entries inclusion");
    }

    @Test
    void verifiedTxByIdRebuildsEHFromRawEntries() {
        KvVerifier.Verified<TxRecord> v = KvVerifier.verifyTx(chain.trusted(1), chain.verifiableRead(4, 1), 4,
                null);
        assertThat(v.value().entries()).hasSize(2);
        assertThat(v.state()).isEqualTo(chain.trusted(4));
        VerifiableTx honest = chain.verifiableRead(4, 5);
        VerifiableTx tampered = honest.toBuilder().setTx(honest.getTx().toBuilder().setEntries(1,
                honest.getTx().getEntries(1).toBuilder().setHValue(bs(Hashes.sha256(utf8("y")))))).build();
        VerificationException e = catchVerification(() -> KvVerifier.verifyTx(chain.trusted(5), tampered, 4, null));
        assertThat(e.check()).isEqualTo("verifiedTxById: eH rebuilt from raw entries of tx 4");
        assertThat(catchVerification(() -> KvVerifier.verifyTx(chain.trusted(5), honest, 3, null)).check())
                .isEqualTo("verifiedTxById: tx header id");
    }

    // ------------------------------------------------------------------ signatures

    @Test
    void signaturesAreCheckedWhenAKeyIsConfigured() throws Exception {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair server = g.generateKeyPair();
        KeyPair other = g.generateKeyPair();
        chain.signingKey = server.getPrivate();
        TxHeader h = chain.commit(Stored.plain("a", "1"));
        VerifiableTx signed = chain.verifiableWrite(h.id(), 5);
        KvVerifier.Verified<TxHeader> ok = KvVerifier.verifyWrite("verifiedSet", chain.trusted(5), signed,
                plain("a", "1"), server.getPublic());
        assertThat(ok.state().signature()).isNotEmpty();

        VerificationException wrongKey = catchVerification(() -> KvVerifier.verifyWrite("verifiedSet",
                chain.trusted(5), signed, plain("a", "1"), other.getPublic()));
        assertThat(wrongKey.check()).isEqualTo("verifiedSet: state signature (db defaultdb, tx 6)");
        VerifiableTx unsigned = signed.toBuilder().clearSignature().build();
        assertThat(catchVerification(() -> KvVerifier.verifyWrite("verifiedSet", chain.trusted(5), unsigned,
                plain("a", "1"), server.getPublic())).check()).isEqualTo("verifiedSet: state signature");
        VerifiableTx garbage = signed.toBuilder().setSignature(Signature.newBuilder()
                .setSignature(ByteString.copyFromUtf8("junk"))).build();
        assertThatThrownBy(() -> KvVerifier.verifyWrite("verifiedSet", chain.trusted(5), garbage, plain("a", "1"),
                server.getPublic())).isInstanceOf(VerificationException.class);
        assertThat(KvVerifier.verifyWrite("verifiedSet", chain.trusted(5), unsigned, plain("a", "1"), null)
                .state().txId()).isEqualTo(6);
    }

    static VerificationException catchVerification(Runnable r) {
        try {
            r.run();
        } catch (VerificationException e) {
            return e;
        }
        throw new AssertionError("expected a VerificationException");
    }

    private static ByteString flip(ByteString b) {
        byte[] a = b.toByteArray();
        a[a.length - 1] ^= 1;
        return ByteString.copyFrom(a);
    }
}
