package io.veridb.proofs;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.SignatureException;
import java.security.interfaces.ECPublicKey;
import java.util.Objects;

/**
 * Signing of a database state (protocol spec §4): ECDSA on P-256 with SHA-256, signatures in ASN.1 DER
 * ({@code SEQUENCE { INTEGER r, INTEGER s }}), exactly Java's {@code SHA256withECDSA}.
 *
 * <pre>
 * payload = u32(len(db)) || db (UTF-8) || u64(txId) || alh(32)
 * </pre>
 */
public final class StateSignatures {

    /** JCA algorithm name. */
    public static final String ALGORITHM = "SHA256withECDSA";

    private static final int P256_COORDINATE_BYTES = 32;

    private StateSignatures() {}

    /** The signed bytes of state {@code (db, txId, alh)}. */
    public static byte[] payload(String db, long txId, byte[] alh) {
        Objects.requireNonNull(db, "db");
        Checks.hash("alh", alh);
        if (txId < 0) {
            throw new IllegalArgumentException("txId=" + txId + ", want >= 0");
        }
        byte[] name = db.getBytes(StandardCharsets.UTF_8);
        return new Encoding(4 + name.length + 8 + Hashes.SIZE).u32(name.length).bytes(name).u64(txId).bytes(alh)
                .toArray();
    }

    /**
     * Signs the state with an EC P-256 private key.
     *
     * @return the DER-encoded signature
     * @throws IllegalArgumentException if the key cannot sign with {@value #ALGORITHM}
     */
    public static byte[] sign(PrivateKey key, String db, long txId, byte[] alh) {
        Objects.requireNonNull(key, "key");
        byte[] payload = payload(db, txId, alh);
        try {
            Signature signer = Signature.getInstance(ALGORITHM);
            signer.initSign(key);
            signer.update(payload);
            return signer.sign();
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("key algorithm=" + key.getAlgorithm() + " cannot sign with "
                    + ALGORITHM + ", want an EC P-256 key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable", e);
        }
    }

    /**
     * Checks a DER signature of the state against an EC public key. A malformed or wrong signature is a failure
     * value, not an exception.
     *
     * @throws IllegalArgumentException if the key cannot verify with {@value #ALGORITHM}
     */
    public static Verification verify(PublicKey key, String db, long txId, byte[] alh, byte[] signature) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(signature, "signature");
        byte[] payload = payload(db, txId, alh);
        String where = "state signature (db " + db + ", tx " + txId + ")";
        try {
            Signature verifier = Signature.getInstance(ALGORITHM);
            verifier.initVerify(key);
            verifier.update(payload);
            if (verifier.verify(signature)) {
                return Verification.ok();
            }
            return Verification.failure(where, "valid signature", "invalid " + Checks.hex(signature));
        } catch (SignatureException e) {
            return Verification.failure(where, "DER ECDSA signature", "malformed " + Checks.hex(signature));
        } catch (InvalidKeyException e) {
            throw new IllegalArgumentException("key algorithm=" + key.getAlgorithm() + " cannot verify with "
                    + ALGORITHM + ", want an EC P-256 key", e);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(ALGORITHM + " is unavailable", e);
        }
    }

    /**
     * The uncompressed SEC1 encoding {@code 0x04 || X || Y} (65 bytes) of a P-256 public key, as sent in
     * immudb's {@code Signature.publicKey}.
     */
    public static byte[] uncompressedPoint(ECPublicKey key) {
        Objects.requireNonNull(key, "key");
        int fieldBits = key.getParams().getCurve().getField().getFieldSize();
        if (fieldBits != 256) {
            throw new IllegalArgumentException("curve field size=" + fieldBits + " bits, want 256 (P-256)");
        }
        byte[] out = new byte[1 + 2 * P256_COORDINATE_BYTES];
        out[0] = 0x04;
        copyUnsigned(key.getW().getAffineX(), out, 1);
        copyUnsigned(key.getW().getAffineY(), out, 1 + P256_COORDINATE_BYTES);
        return out;
    }

    private static void copyUnsigned(BigInteger v, byte[] out, int offset) {
        byte[] raw = v.toByteArray();
        int len = Math.min(raw.length, P256_COORDINATE_BYTES);
        System.arraycopy(raw, raw.length - len, out, offset + P256_COORDINATE_BYTES - len, len);
    }
}
