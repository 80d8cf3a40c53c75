package io.veridb.server.immu.kv;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.proofs.StateSignatures;
import io.veridb.protocol.immudb.EntriesSpec;
import io.veridb.protocol.immudb.EntryTypeAction;
import io.veridb.protocol.immudb.EntryTypeSpec;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.ReferenceRequest;
import io.veridb.protocol.immudb.SetRequest;
import io.veridb.protocol.immudb.Signature;
import io.veridb.protocol.immudb.VerifiableEntry;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableReferenceRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableTx;
import io.veridb.protocol.immudb.VerifiableTxRequest;
import io.veridb.protocol.immudb.VerifiableZAddRequest;
import io.veridb.protocol.immudb.ZAddRequest;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Replies of the verifiable RPCs pass a client's checks of protocol spec §3.9, and signatures verify (§4). */
class KvRpcsVerificationTest extends KvRpcsTestBase {

    private static final KeyPair KEYS = generate();

    private final ClientCheck client = new ClientCheck();

    @Override
    StateSigner signer() {
        return (db, txId, alh) -> Optional.of(Signature.newBuilder()
                .setPublicKey(ToProto.bytes(StateSignatures.uncompressedPoint((ECPublicKey) KEYS.getPublic())))
                .setSignature(ToProto.bytes(StateSignatures.sign(KEYS.getPrivate(), db, txId, alh)))
                .build());
    }

    @Test
    void verifiedSetsFromAFreshClientChainThroughEveryState() {
        for (int i = 1; i <= 9; i++) {
            VerifiableTx reply = verifiedSet("k" + i, "v" + i);

            client.verifiedSet(reply, b("k" + i), b("v" + i));
            assertThat(client.txId()).isEqualTo(i);
            assertSigned(reply.getSignature(), client.txId(), client.alh());
        }
    }

    @Test
    void verifiedSetAfterForeignWritesProvesTheGap() {
        client.verifiedSet(verifiedSet("a", "1"), b("a"), b("1"));
        for (int i = 0; i < 6; i++) {
            set("other" + i, "x");
        }

        client.verifiedSet(verifiedSet("b", "2"), b("b"), b("2"));

        assertThat(client.txId()).isEqualTo(8);
    }

    @Test
    void verifiedGetOfAnOlderEntryProvesItAgainstTheNewerTrustedState() {
        set("old", "v");
        for (int i = 0; i < 5; i++) {
            client.verifiedSet(verifiedSet("n" + i, "x"), b("n" + i), b("x"));
        }

        VerifiableEntry reply = verifiedGet("old", client.txId());

        client.verifiedGet(reply, b("old"));
        assertThat(reply.getVerifiableTx().getDualProof().getTargetTxHeader().getId()).isEqualTo(6);
        assertSigned(reply.getVerifiableTx().getSignature(), 6, client.alh());
    }

    @Test
    void verifiedGetOfANewerEntryMovesTheTrustedStateForward() {
        client.verifiedSet(verifiedSet("a", "1"), b("a"), b("1"));
        for (int i = 0; i < 4; i++) {
            set("x" + i, "x");
        }
        set("late", "v");

        client.verifiedGet(verifiedGet("late", client.txId()), b("late"));

        assertThat(client.txId()).isEqualTo(6);
    }

    @Test
    void verifiedGetOfAReferenceProvesTheReferenceEntry() {
        set("target", "v");
        rpcs.setReference(ReferenceRequest.newBuilder().setKey(bs("alias")).setReferencedKey(bs("target")).build());
        set("later", "x");

        VerifiableEntry reply = verifiedGet("alias", 0);
        client.verifiedGet(reply, b("alias"));

        assertThat(reply.getEntry().getKey().toStringUtf8()).isEqualTo("target");
        assertThat(reply.getVerifiableTx().getTx().getHeader().getId()).isEqualTo(2);
    }

    @Test
    void verifiedGetAtTxOfAnEntryInAMultiEntryTransaction() {
        rpcs.set(SetRequest.newBuilder()
                .addKVs(KeyValue.newBuilder().setKey(bs("a")).setValue(bs("1")))
                .addKVs(KeyValue.newBuilder().setKey(bs("b")).setValue(bs("2")))
                .addKVs(KeyValue.newBuilder().setKey(bs("c")).setValue(bs("3")))
                .build());
        set("b", "new");

        VerifiableEntry reply = rpcs.verifiableGet(VerifiableGetRequest.newBuilder()
                .setKeyRequest(KeyRequest.newBuilder().setKey(bs("b")).setAtTx(1))
                .build());

        client.verifiedGet(reply, b("b"));
        assertThat(reply.getInclusionProof().getLeaf()).isEqualTo(1);
        assertThat(reply.getInclusionProof().getWidth()).isEqualTo(3);
        assertThat(reply.getEntry().getValue().toStringUtf8()).isEqualTo("2");
    }

    @Test
    void verifiedSetReferenceAndZAddPassTheirDigestChecks() {
        client.verifiedSet(verifiedSet("k", "v"), b("k"), b("v"));

        VerifiableTx ref = rpcs.verifiableSetReference(VerifiableReferenceRequest.newBuilder()
                .setReferenceRequest(ReferenceRequest.newBuilder().setKey(bs("r")).setReferencedKey(bs("k"))
                        .setAtTx(1).setBoundRef(true))
                .setProveSinceTx(client.txId())
                .build());
        client.verifiedSetReference(ref, b("r"), b("k"), 1);

        VerifiableTx z = rpcs.verifiableZAdd(VerifiableZAddRequest.newBuilder()
                .setZAddRequest(ZAddRequest.newBuilder().setSet(bs("s")).setScore(-2.5).setKey(bs("k")))
                .setProveSinceTx(client.txId())
                .build());
        client.verifiedZAdd(z, b("s"), -2.5, b("k"), 0);

        assertThat(client.txId()).isEqualTo(3);
        assertSigned(z.getSignature(), 3, client.alh());
    }

    @Test
    void verifiedTxByIdWorksInBothDirectionsAndWithEntriesSpecs() {
        for (int i = 0; i < 7; i++) {
            set("k" + i, "v");
        }
        client.verifiedTxById(rpcs.verifiableTxById(VerifiableTxRequest.newBuilder().setTx(3).build()), 3);
        client.verifiedTxById(rpcs.verifiableTxById(VerifiableTxRequest.newBuilder().setTx(6)
                .setProveSinceTx(client.txId()).build()), 6);

        VerifiableTx back = rpcs.verifiableTxById(VerifiableTxRequest.newBuilder().setTx(2)
                .setProveSinceTx(client.txId())
                .setEntriesSpec(EntriesSpec.newBuilder().setKvEntriesSpec(
                        EntryTypeSpec.newBuilder().setAction(EntryTypeAction.EXCLUDE)))
                .build());
        client.verifiedTxById(back, 2);

        assertThat(back.getTx().getEntriesCount()).isZero();
        assertThat(client.txId()).isEqualTo(6);
        assertSigned(back.getSignature(), 6, client.alh());
    }

    @Test
    void currentStateIsSignedOverTheDatabaseNameTxAndAlh() {
        set("k", "v");

        ImmutableState state = rpcs.currentState();

        assertThat(state.getDb()).isEqualTo(DB);
        assertThat(state.getTxId()).isEqualTo(1);
        assertSigned(state.getSignature(), 1, state.getTxHash().toByteArray());
    }

    private VerifiableTx verifiedSet(String key, String value) {
        return rpcs.verifiableSet(VerifiableSetRequest.newBuilder()
                .setSetRequest(SetRequest.newBuilder().addKVs(KeyValue.newBuilder().setKey(bs(key)).setValue(bs(value))))
                .setProveSinceTx(client.txId())
                .build());
    }

    private VerifiableEntry verifiedGet(String key, long proveSinceTx) {
        return rpcs.verifiableGet(VerifiableGetRequest.newBuilder()
                .setKeyRequest(KeyRequest.newBuilder().setKey(bs(key)))
                .setProveSinceTx(proveSinceTx)
                .build());
    }

    private static void assertSigned(Signature sig, long txId, byte[] alh) {
        assertThat(StateSignatures.verify(KEYS.getPublic(), DB, txId, alh, sig.getSignature().toByteArray()).isOk())
                .as("signature over (%s, %d)", DB, txId).isTrue();
        assertThat(sig.getPublicKey().size()).isEqualTo(65);
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
