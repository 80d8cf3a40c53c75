package io.veridb.server.signing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPoint;
import java.security.spec.ECPublicKeySpec;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PEM private keys and certificates without third-party libraries. Private keys may be PKCS#8
 * ({@code PRIVATE KEY}), SEC1 ({@code EC PRIVATE KEY}, what {@code openssl ecparam -genkey} writes, optionally after
 * an {@code EC PARAMETERS} block) or PKCS#1 ({@code RSA PRIVATE KEY}).
 */
public final class PemKeys {
    private static final Pattern BLOCK =
            Pattern.compile("-----BEGIN ([A-Z0-9 ]+)-----([^-]*)-----END \\1-----", Pattern.DOTALL);
    private static final byte[] OID_EC_PUBLIC_KEY = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x02, 0x01};
    private static final byte[] OID_P256 = {0x2A, (byte) 0x86, 0x48, (byte) 0xCE, 0x3D, 0x03, 0x01, 0x07};
    private static final byte[] OID_RSA = {0x2A, (byte) 0x86, 0x48, (byte) 0x86, (byte) 0xF7, 0x0D, 0x01, 0x01, 0x01};

    private PemKeys() {}

    /** One PEM block: its label and decoded bytes. */
    record Block(String label, byte[] der) {
        Block {
            der = der.clone();
        }

        @Override
        public byte[] der() {
            return der.clone();
        }
    }

    static List<Block> blocks(String pem) {
        List<Block> out = new ArrayList<>();
        Matcher m = BLOCK.matcher(pem);
        while (m.find()) {
            out.add(new Block(m.group(1), Base64.getMimeDecoder().decode(m.group(2))));
        }
        return out;
    }

    /** The private key in {@code file}; IOException naming the file if none can be read. */
    public static PrivateKey readPrivateKey(Path file) throws IOException {
        for (Block b : blocks(Files.readString(file, StandardCharsets.US_ASCII))) {
            try {
                switch (b.label()) {
                    case "PRIVATE KEY":
                        return pkcs8(b.der());
                    case "EC PRIVATE KEY":
                        return pkcs8(ecSec1ToPkcs8(b.der()));
                    case "RSA PRIVATE KEY":
                        return pkcs8(Der.encode(Der.SEQUENCE, Der.encode(Der.INTEGER, new byte[] {0}),
                                Der.encode(Der.SEQUENCE, Der.encode(Der.OID, OID_RSA), Der.encode(Der.NULL)),
                                Der.encode(Der.OCTET_STRING, b.der())));
                    default:
                        break;
                }
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException("cannot read " + b.label() + " in " + file + ": " + e.getMessage(), e);
            }
        }
        throw new IOException("no PEM private key (PRIVATE KEY, EC PRIVATE KEY or RSA PRIVATE KEY) in " + file);
    }

    /** Every certificate in {@code file} (PEM), in file order; IOException if there is none. */
    public static List<X509Certificate> readCertificates(Path file) throws IOException {
        try {
            CertificateFactory cf = CertificateFactory.getInstance("X.509");
            List<X509Certificate> certs = new ArrayList<>();
            for (Certificate c : cf.generateCertificates(new ByteArrayInputStream(Files.readAllBytes(file)))) {
                certs.add((X509Certificate) c);
            }
            if (certs.isEmpty()) {
                throw new IOException("no certificate in " + file);
            }
            return certs;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot read certificates in " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * The ECDSA P-256 key pair in {@code file} (the state-signing key). The public key is derived from the private
     * scalar, so files without an embedded public key work too.
     */
    public static KeyPair readP256KeyPair(Path file) throws IOException {
        PrivateKey key = readPrivateKey(file);
        if (!(key instanceof ECPrivateKey ec)) {
            throw new IOException("signing key " + file + " is " + key.getAlgorithm() + ", want an EC P-256 key");
        }
        try {
            ECParameterSpec p256 = p256();
            if (!ec.getParams().getOrder().equals(p256.getOrder())) {
                throw new IOException("signing key " + file + " is not on curve P-256 (prime256v1)");
            }
            ECPoint q = P256.multiplyGenerator(p256, ec.getS());
            return new KeyPair(KeyFactory.getInstance("EC").generatePublic(new ECPublicKeySpec(q, p256)), key);
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot derive the public key of " + file + ": " + e.getMessage(), e);
        }
    }

    static ECParameterSpec p256() throws GeneralSecurityException {
        AlgorithmParameters params = AlgorithmParameters.getInstance("EC");
        params.init(new ECGenParameterSpec("secp256r1"));
        return params.getParameterSpec(ECParameterSpec.class);
    }

    private static PrivateKey pkcs8(byte[] der) throws GeneralSecurityException {
        List<Der.Item> fields = Der.items(Der.single(der, Der.SEQUENCE).value());
        if (fields.size() < 3 || fields.get(1).tag() != Der.SEQUENCE) {
            throw new IllegalArgumentException("not a PKCS#8 PrivateKeyInfo");
        }
        byte[] oid = Der.items(fields.get(1).value()).get(0).value();
        String algorithm = Arrays.equals(oid, OID_EC_PUBLIC_KEY) ? "EC" : "RSA";
        return KeyFactory.getInstance(algorithm).generatePrivate(new PKCS8EncodedKeySpec(der));
    }

    /** Wraps a SEC1 ECPrivateKey into PKCS#8, taking the curve from its parameters (default P-256). */
    private static byte[] ecSec1ToPkcs8(byte[] sec1) {
        List<Der.Item> fields = Der.items(Der.single(sec1, Der.SEQUENCE).value());
        byte[] curveOid = OID_P256;
        for (Der.Item f : fields) {
            if (f.tag() == Der.CONTEXT_0) {
                curveOid = Der.single(f.value(), Der.OID).value();
            }
        }
        return Der.encode(Der.SEQUENCE, Der.encode(Der.INTEGER, new byte[] {0}),
                Der.encode(Der.SEQUENCE, Der.encode(Der.OID, OID_EC_PUBLIC_KEY), Der.encode(Der.OID, curveOid)),
                Der.encode(Der.OCTET_STRING, sec1));
    }
}
