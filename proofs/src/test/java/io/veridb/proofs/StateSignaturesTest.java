package io.veridb.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.math.BigInteger;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

class StateSignaturesTest {

    static final KeyPair P256 = generate();
    static final byte[] ALH = Hashes.sha256(Hex.utf8("state"));

    static KeyPair generate() {
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            return g.generateKeyPair();
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void payloadIsLengthPrefixedUtf8NameTxIdAndAlh() {
        byte[] p = StateSignatures.payload("dé", 258, ALH);
        assertThat(Hex.s(Arrays.copyOf(p, 4 + 3 + 8))).isEqualTo("00000003" + "64c3a9" + "0000000000000102");
        assertThat(Arrays.copyOfRange(p, 15, 47)).isEqualTo(ALH);
        assertThatThrownBy(() -> StateSignatures.payload("db", -1, ALH)).hasMessageContaining("txId=-1");
        assertThatThrownBy(() -> StateSignatures.payload("db", 1, new byte[3])).hasMessageContaining("3 bytes");
    }

    @Test
    void signatureIsDerAndVerifiesOnlyForTheSignedState() {
        byte[] sig = StateSignatures.sign(P256.getPrivate(), "defaultdb", 3, ALH);
        assertThat(sig[0]).isEqualTo((byte) 0x30);
        assertThat(sig.length).isBetween(8, 72);
        assertThat(StateSignatures.verify(P256.getPublic(), "defaultdb", 3, ALH, sig)).isEqualTo(Verification.ok());
        assertThat(StateSignatures.verify(P256.getPublic(), "otherdb", 3, ALH, sig).isOk()).isFalse();
        assertThat(StateSignatures.verify(P256.getPublic(), "defaultdb", 4, ALH, sig).isOk()).isFalse();
        assertThat(StateSignatures.verify(P256.getPublic(), "defaultdb", 3, Mutations.flip(ALH, 9), sig).isOk())
                .isFalse();
        assertThat(StateSignatures.verify(generate().getPublic(), "defaultdb", 3, ALH, sig).isOk()).isFalse();
    }

    @Test
    void malformedSignatureIsAFailureValue() {
        Verification v = StateSignatures.verify(P256.getPublic(), "defaultdb", 3, ALH, new byte[] {1, 2, 3});
        assertThat(v).isInstanceOf(Verification.Failure.class);
        assertThat(((Verification.Failure) v).message()).contains("db defaultdb, tx 3").contains("010203");
        assertThat(StateSignatures.verify(P256.getPublic(), "defaultdb", 3, ALH, new byte[0]).isOk()).isFalse();
    }

    @Test
    void nonEcKeyIsACallerBug() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(1024);
        KeyPair kp = rsa.generateKeyPair();
        assertThatThrownBy(() -> StateSignatures.sign(kp.getPrivate(), "db", 1, ALH))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key algorithm=RSA");
        assertThatThrownBy(() -> StateSignatures.verify(kp.getPublic(), "db", 1, ALH, new byte[8]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("key algorithm=RSA");
    }

    @Test
    void uncompressedPointRoundTripsToTheSameKey() throws Exception {
        ECPublicKey pub = (ECPublicKey) P256.getPublic();
        byte[] point = StateSignatures.uncompressedPoint(pub);
        assertThat(point).hasSize(65);
        assertThat(point[0]).isEqualTo((byte) 4);
        ECPoint w = new ECPoint(new BigInteger(1, Arrays.copyOfRange(point, 1, 33)),
                new BigInteger(1, Arrays.copyOfRange(point, 33, 65)));
        ECPublicKey back = (ECPublicKey) KeyFactory.getInstance("EC")
                .generatePublic(new ECPublicKeySpec(w, pub.getParams()));
        assertThat(back.getEncoded()).isEqualTo(pub.getEncoded());
    }
}
