package io.veridb.server.signing;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/** Generates signing keys for tests and writes them as PEM. */
public final class TestKeys {
    private TestKeys() {}

    public static KeyPair p256() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    /** Writes {@code der} as a PEM block with {@code label}. */
    public static Path writePem(Path file, String label, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n",
                StandardCharsets.US_ASCII);
        return file;
    }

    /** A fresh P-256 key written as PKCS#8 "PRIVATE KEY" PEM; returns the pair. */
    public static KeyPair writePkcs8(Path file) throws IOException, GeneralSecurityException {
        KeyPair kp = p256();
        writePem(file, "PRIVATE KEY", kp.getPrivate().getEncoded());
        return kp;
    }

    /** The public key as "PUBLIC KEY" PEM (what clients are given). */
    public static Path writePublic(Path file, KeyPair kp) throws IOException {
        return writePem(file, "PUBLIC KEY", kp.getPublic().getEncoded());
    }
}
