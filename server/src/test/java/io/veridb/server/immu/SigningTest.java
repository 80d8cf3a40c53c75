package io.veridb.server.immu;

import static io.veridb.server.Protos.bytes;
import static io.veridb.server.Protos.get;
import static io.veridb.server.Protos.set;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import io.veridb.proofs.StateSignatures;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.ReferenceRequest;
import io.veridb.protocol.immudb.Signature;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableReferenceRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableTx;
import io.veridb.protocol.immudb.VerifiableTxRequest;
import io.veridb.protocol.immudb.VerifiableZAddRequest;
import io.veridb.protocol.immudb.ZAddRequest;
import io.veridb.server.TestServer;
import io.veridb.server.signing.TestKeys;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With --signingKey, CurrentState and every Verifiable* reply carry an ECDSA signature of the target state. */
class SigningTest {
    @TempDir
    Path dir;

    @Test
    void statesAreSignedAndVerifyWithThePublicKeyFile() throws Exception {
        Path key = dir.resolve("ec.key");
        KeyPair kp = TestKeys.writePkcs8(key);
        Path pub = TestKeys.writePublic(dir.resolve("ec.pub"), kp);
        PublicKey publicKey = readPublicKey(pub);
        try (TestServer t = TestServer.start(dir.resolve("data"), b -> b.signingKey(key))) {
            ImmuServiceBlockingStub s = t.admin();
            ImmutableState empty = s.currentState(Empty.getDefaultInstance());
            assertVerifies(publicKey, empty.getSignature(), empty);

            s.set(set("k", "v"));
            VerifiableTx vset = s.verifiableSet(VerifiableSetRequest.newBuilder().setSetRequest(set("k2", "v2"))
                    .setProveSinceTx(1).build());
            ImmutableState state = s.currentState(Empty.getDefaultInstance());
            assertThat(state.getTxId()).isEqualTo(2);
            assertVerifies(publicKey, state.getSignature(), state);
            assertVerifies(publicKey, vset.getSignature(), state);
            assertThat(vset.getSignature().getPublicKey().toByteArray())
                    .isEqualTo(StateSignatures.uncompressedPoint((ECPublicKey) publicKey));

            Signature vget = s.verifiableGet(VerifiableGetRequest.newBuilder().setKeyRequest(get("k"))
                    .setProveSinceTx(2).build()).getVerifiableTx().getSignature();
            assertVerifies(publicKey, vget, state);
            Signature vtx = s.verifiableTxById(VerifiableTxRequest.newBuilder().setTx(1).setProveSinceTx(2).build())
                    .getSignature();
            assertVerifies(publicKey, vtx, state);

            VerifiableTx vref = s.verifiableSetReference(VerifiableReferenceRequest.newBuilder()
                    .setReferenceRequest(ReferenceRequest.newBuilder().setKey(bytes("r")).setReferencedKey(bytes("k")))
                    .setProveSinceTx(2).build());
            assertVerifies(publicKey, vref.getSignature(), s.currentState(Empty.getDefaultInstance()));
            VerifiableTx vz = s.verifiableZAdd(VerifiableZAddRequest.newBuilder().setZAddRequest(
                    ZAddRequest.newBuilder().setSet(bytes("s")).setKey(bytes("k")).setScore(1)).setProveSinceTx(3)
                    .build());
            assertVerifies(publicKey, vz.getSignature(), s.currentState(Empty.getDefaultInstance()));
        }
    }

    @Test
    void withoutAKeyRepliesAreUnsigned() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            ImmuServiceBlockingStub s = t.admin();
            assertThat(s.currentState(Empty.getDefaultInstance()).hasSignature()).isFalse();
            assertThat(s.verifiableSet(VerifiableSetRequest.newBuilder().setSetRequest(set("k", "v")).build())
                    .hasSignature()).isFalse();
        }
    }

    private static void assertVerifies(PublicKey key, Signature sig, ImmutableState state) {
        assertThat(sig.getSignature().isEmpty()).as("signature present").isFalse();
        assertThat(StateSignatures.verify(key, state.getDb(), state.getTxId(), state.getTxHash().toByteArray(),
                sig.getSignature().toByteArray()).isOk()).as("signature of %s@%d", state.getDb(), state.getTxId())
                .isTrue();
    }

    private static PublicKey readPublicKey(Path pem) throws Exception {
        String b64 = Files.readString(pem).replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(b64)));
    }
}
