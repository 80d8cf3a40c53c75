package io.veridb.server.tls;

import io.veridb.server.signing.TestKeys;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.Key;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Test PKI made with the JDK's {@code keytool}: a CA, and leaf certificates it signs, written as PEM (certificate
 * chain and PKCS#8 key) the way the server's --certificate / --pkey / --clientcas expect them.
 */
public final class TestCerts {
    private static final String PASS = "changeit";

    private final Path dir;

    public TestCerts(Path dir) {
        this.dir = dir;
    }

    /** A self-signed CA; returns the PEM certificate path. */
    public Path ca(String name) throws IOException, InterruptedException {
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "bc:c", "-validity", "2", "-keystore", store(name), "-storetype", "PKCS12", "-storepass",
                PASS);
        Path pem = dir.resolve(name + ".crt");
        keytool("-exportcert", "-alias", name, "-keystore", store(name), "-storepass", PASS, "-rfc", "-file",
                pem.toString());
        return pem;
    }

    /** Leaf certificate and key for {@code name} signed by CA {@code ca} (valid for localhost and 127.0.0.1). */
    public Leaf leaf(String name, String ca) throws IOException, InterruptedException, GeneralSecurityException {
        keytool("-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-validity", "2", "-keystore", store(name), "-storetype", "PKCS12", "-storepass", PASS);
        Path csr = dir.resolve(name + ".csr");
        keytool("-certreq", "-alias", name, "-keystore", store(name), "-storepass", PASS, "-file", csr.toString());
        Path signed = dir.resolve(name + ".signed.crt");
        keytool("-gencert", "-alias", ca, "-keystore", store(ca), "-storepass", PASS, "-infile", csr.toString(),
                "-outfile", signed.toString(), "-rfc", "-validity", "2", "-ext", "SAN=dns:localhost,ip:127.0.0.1");
        Path chain = dir.resolve(name + ".crt");
        Files.writeString(chain, Files.readString(signed, StandardCharsets.US_ASCII)
                + Files.readString(dir.resolve(ca + ".crt"), StandardCharsets.US_ASCII), StandardCharsets.US_ASCII);
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(Path.of(store(name)))) {
            ks.load(in, PASS.toCharArray());
        }
        Key key = ks.getKey(name, PASS.toCharArray());
        Path keyPem = TestKeys.writePem(dir.resolve(name + ".key"), "PRIVATE KEY", key.getEncoded());
        return new Leaf(chain, keyPem);
    }

    /** A PEM certificate chain (leaf first) and its PKCS#8 key. */
    public record Leaf(Path certificate, Path key) {}

    private String store(String name) {
        return dir.resolve(name + ".p12").toString();
    }

    private static void keytool(String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>();
        cmd.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        cmd.add("-noprompt");
        cmd.addAll(List.of(args));
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new IOException("keytool " + String.join(" ", args) + " failed: " + out);
        }
    }
}
