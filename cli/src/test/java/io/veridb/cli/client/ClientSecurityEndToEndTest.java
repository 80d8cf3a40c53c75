package io.veridb.cli.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.veridb.cli.CliRun;
import io.veridb.cli.JsonText;
import io.veridb.cli.RunningServer;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** State signatures checked with --server-key, and TLS with --ca. */
class ClientSecurityEndToEndTest {

    @TempDir
    Path root;

    @TempDir
    Path state;

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp256r1"));
        return g.generateKeyPair();
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n");
    }

    @Test
    void signedStatesVerifyWithTheServerKeyAndFailWithAnotherWithExitThree() throws Exception {
        KeyPair server = ecKeyPair();
        Path signing = pem(root.resolve("signing.pem"), "PRIVATE KEY", server.getPrivate().getEncoded());
        Path pub = pem(root.resolve("server-pub.pem"), "PUBLIC KEY", server.getPublic().getEncoded());
        Path otherPub = pem(root.resolve("other-pub.pem"), "PUBLIC KEY", ecKeyPair().getPublic().getEncoded());
        try (RunningServer s = RunningServer.start(root, b -> b.signingKey(signing))) {
            CliRun set = s.run(state, "client", "--server-key", pub.toString(), "safeset", "signed", "yes");
            assertThat(set.exitCode()).as(set.toString()).isZero();
            CliRun cs = s.run(state, "client", "--server-key", pub.toString(), "current-state", "--json");
            assertThat(cs.exitCode()).as(cs.toString()).isZero();
            Map<String, Object> m = JsonText.object(cs.out().trim());
            assertThat(m.get("current").toString()).contains("signatureChecked=true").contains("signature=");
            CliRun wrong = s.run(state, "client", "--server-key", otherPub.toString(), "current-state");
            assertThat(wrong.exitCode()).as(wrong.toString()).isEqualTo(3);
            assertThat(wrong.err()).contains("verification failed").contains("signature");
        }
    }

    @Test
    void tlsWithTheServersCertificateAsCa() throws Exception {
        Path cert = root.resolve("cert.pem");
        Path key = root.resolve("key.pem");
        assumeTrue(openssl("req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                "-keyout", key.toString(), "-out", cert.toString(), "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost"), "openssl is not available");
        try (RunningServer s = RunningServer.start(root, b -> b.certificate(cert).pkey(key))) {
            CliRun ok = s.run(state, "client", "--ca", cert.toString(), "safeset", "over", "tls");
            assertThat(ok.exitCode()).as(ok.toString()).isZero();
            CliRun plain = s.run(root.resolve("state2"), "client", "status");
            assertThat(plain.exitCode()).as(plain.toString()).isEqualTo(1);
        }
    }

    private static boolean openssl(String... args) {
        String[] cmd = new String[args.length + 1];
        cmd[0] = "openssl";
        System.arraycopy(args, 0, cmd, 1, args.length);
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
