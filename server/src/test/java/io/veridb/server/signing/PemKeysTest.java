package io.veridb.server.signing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.proofs.StateSignatures;
import io.veridb.protocol.immudb.Signature;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PublicKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PemKeysTest {
    /** Written by {@code openssl ecparam -name prime256v1 -genkey} (EC PARAMETERS block, then SEC1). */
    static final String OPENSSL_SEC1 = "-----BEGIN EC PARAMETERS-----\nBggqhkjOPQMBBw==\n-----END EC PARAMETERS-----\n"
            + "-----BEGIN EC PRIVATE KEY-----\n"
            + "MHcCAQEEIHK/QwMGN1UUPn7ue+FvbVPkoDjTrHxsuNg3QJlNZrmmoAoGCCqGSM49\n"
            + "AwEHoUQDQgAEn5BKmQUBUNn2YMn+b3nQRd8seO0t1Ix3TPIhuQ44e+kFBvw5QfOF\n"
            + "MyOkfjZ8KTCVpx88ply+PUD8GRGuC5akcg==\n"
            + "-----END EC PRIVATE KEY-----\n";

    /** {@code openssl ec -pubout} of the key above. */
    static final String OPENSSL_PUBLIC = "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEn5BKmQUBUNn2YMn+b3nQRd8seO0t"
            + "1Ix3TPIhuQ44e+kFBvw5QfOFMyOkfjZ8KTCVpx88ply+PUD8GRGuC5akcg==";

    @TempDir
    Path dir;

    @Test
    void readsOpensslSec1KeysAndDerivesTheirPublicKey() throws Exception {
        Path file = dir.resolve("ec.key");
        Files.writeString(file, OPENSSL_SEC1);
        KeyPair kp = PemKeys.readP256KeyPair(file);
        PublicKey expected = KeyFactory.getInstance("EC")
                .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(OPENSSL_PUBLIC)));
        assertThat(kp.getPublic().getEncoded()).isEqualTo(expected.getEncoded());
    }

    @Test
    void readsPkcs8AndBareSec1KeysFromJava() throws Exception {
        KeyPair kp = TestKeys.writePkcs8(dir.resolve("p8.pem"));
        assertThat(PemKeys.readP256KeyPair(dir.resolve("p8.pem")).getPublic().getEncoded())
                .isEqualTo(kp.getPublic().getEncoded());
        // The SEC1 structure inside Java's PKCS#8 carries no public key: it must be derived.
        List<Der.Item> info = Der.items(Der.single(kp.getPrivate().getEncoded(), Der.SEQUENCE).value());
        byte[] sec1 = info.get(2).value();
        TestKeys.writePem(dir.resolve("sec1.pem"), "EC PRIVATE KEY", sec1);
        assertThat(PemKeys.readP256KeyPair(dir.resolve("sec1.pem")).getPublic().getEncoded())
                .isEqualTo(kp.getPublic().getEncoded());
    }

    @Test
    void signerProducesSignaturesThatVerifyWithThePublicKey() throws Exception {
        KeyPair kp = TestKeys.writePkcs8(dir.resolve("k.pem"));
        EcdsaStateSigner signer = EcdsaStateSigner.load(dir.resolve("k.pem"));
        byte[] alh = new byte[32];
        Arrays.fill(alh, (byte) 7);
        Signature sig = signer.sign("defaultdb", 3, alh).orElseThrow();
        assertThat(sig.getPublicKey().toByteArray())
                .isEqualTo(StateSignatures.uncompressedPoint((ECPublicKey) kp.getPublic()));
        assertThat(StateSignatures.verify(kp.getPublic(), "defaultdb", 3, alh, sig.getSignature().toByteArray())
                .isOk()).isTrue();
        assertThat(StateSignatures.verify(kp.getPublic(), "defaultdb", 4, alh, sig.getSignature().toByteArray())
                .isOk()).isFalse();
    }

    @Test
    void refusesNonP256AndMissingKeys() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        TestKeys.writePem(dir.resolve("rsa.pem"), "PRIVATE KEY", rsa.generateKeyPair().getPrivate().getEncoded());
        assertThatThrownBy(() -> PemKeys.readP256KeyPair(dir.resolve("rsa.pem")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("want an EC P-256 key");
        Files.writeString(dir.resolve("empty.pem"), "nothing here");
        assertThatThrownBy(() -> PemKeys.readPrivateKey(dir.resolve("empty.pem")))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("no PEM private key");
        KeyPairGenerator p384 = KeyPairGenerator.getInstance("EC");
        p384.initialize(new java.security.spec.ECGenParameterSpec("secp384r1"));
        TestKeys.writePem(dir.resolve("p384.pem"), "PRIVATE KEY", p384.generateKeyPair().getPrivate().getEncoded());
        assertThatThrownBy(() -> PemKeys.readP256KeyPair(dir.resolve("p384.pem")))
                .hasMessageContaining("not on curve P-256");
    }

    @Test
    void readsPkcs1RsaKeysForTls() throws Exception {
        KeyPairGenerator rsa = KeyPairGenerator.getInstance("RSA");
        rsa.initialize(2048);
        KeyPair kp = rsa.generateKeyPair();
        byte[] pkcs1 = Der.items(Der.single(kp.getPrivate().getEncoded(), Der.SEQUENCE).value()).get(2).value();
        TestKeys.writePem(dir.resolve("rsa1.pem"), "RSA PRIVATE KEY", pkcs1);
        assertThat(PemKeys.readPrivateKey(dir.resolve("rsa1.pem")).getEncoded())
                .isEqualTo(kp.getPrivate().getEncoded());
    }
}
