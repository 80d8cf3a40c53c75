package io.veridb.interop.immudb;

import java.io.IOException;
import java.math.BigInteger;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;

/**
 * A fresh ECDSA P-256 key pair for the server's state signatures, written as PEM files: the private key as SEC1
 * ({@code EC PRIVATE KEY} with curve and public key, byte-for-byte the layout {@code openssl ecparam -genkey} writes,
 * which both VeriDB and immudb read) and the public key as X.509 SubjectPublicKeyInfo ({@code PUBLIC KEY}, what
 * immudb-py and the Go SDK read).
 */
record SigningKey(Path privateKeyPem, Path publicKeyPem) {

    static SigningKey generate(Path dir) throws IOException {
        KeyPair pair;
        try {
            KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
            g.initialize(new ECGenParameterSpec("secp256r1"));
            pair = g.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("P-256 key generation is unavailable", e);
        }
        Files.createDirectories(dir);
        Path priv = dir.resolve("state-signing.key");
        Path pub = dir.resolve("state-signing.pub");
        Files.writeString(priv, pem("EC PRIVATE KEY", sec1((ECPrivateKey) pair.getPrivate(),
                (ECPublicKey) pair.getPublic())), StandardCharsets.US_ASCII);
        Files.writeString(pub, pem("PUBLIC KEY", pair.getPublic().getEncoded()), StandardCharsets.US_ASCII);
        return new SigningKey(priv, pub);
    }

    /**
     * {@code ECPrivateKey ::= SEQUENCE { version 1, privateKey OCTET STRING(32), [0] prime256v1, [1] BIT STRING
     * (04 ‖ X ‖ Y) }}: every length is fixed for P-256, so the DER is a constant frame around d, X and Y.
     */
    static byte[] sec1(ECPrivateKey priv, ECPublicKey pub) {
        ByteBuffer b = ByteBuffer.allocate(121);
        b.put(new byte[] {0x30, 0x77, 0x02, 0x01, 0x01, 0x04, 0x20});
        b.put(fixed32(priv.getS()));
        b.put(new byte[] {(byte) 0xA0, 0x0A, 0x06, 0x08, 0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07});
        b.put(new byte[] {(byte) 0xA1, 0x44, 0x03, 0x42, 0x00, 0x04});
        b.put(fixed32(pub.getW().getAffineX()));
        b.put(fixed32(pub.getW().getAffineY()));
        return b.array();
    }

    private static byte[] fixed32(BigInteger v) {
        byte[] raw = v.toByteArray();
        byte[] out = new byte[32];
        int n = Math.min(raw.length, 32);
        System.arraycopy(raw, raw.length - n, out, 32 - n, n);
        return out;
    }

    private static String pem(String label, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
    }
}
