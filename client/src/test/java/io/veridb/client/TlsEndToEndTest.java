package io.veridb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.server.ServerConfig;
import io.veridb.server.VeriDbServer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** TLS and mutual TLS between the SDK and a real server, with self-signed P-256 certificates made by keytool. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TlsEndToEndTest {

    @TempDir
    Path tmp;

    /** A PEM certificate and its PKCS#8 PEM key. */
    record Identity(Path cert, Path key) {}

    private Identity identity(String name) throws Exception {
        Path store = tmp.resolve(name + ".p12");
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-genkeypair", "-alias", name, "-keyalg", "EC", "-groupname", "secp256r1", "-dname", "CN=" + name,
                "-ext", "SAN=ip:127.0.0.1,dns:localhost", "-validity", "2", "-keystore", store.toString(),
                "-storetype", "PKCS12", "-storepass", "changeit").redirectErrorStream(true).start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor()).as(new String(out, StandardCharsets.UTF_8)).isZero();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            ks.load(in, "changeit".toCharArray());
        }
        Path cert = pem(tmp.resolve(name + ".crt"), "CERTIFICATE", ks.getCertificate(name).getEncoded());
        Path key = pem(tmp.resolve(name + ".key"), "PRIVATE KEY",
                ks.getKey(name, "changeit".toCharArray()).getEncoded());
        return new Identity(cert, key);
    }

    private static Path pem(Path file, String type, byte[] der) throws IOException {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        Files.writeString(file, "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n",
                StandardCharsets.US_ASCII);
        return file;
    }

    @Test
    void clientTalksTlsAndMutualTls() throws Exception {
        Identity serverId = identity("server");
        Identity clientId = identity("client");
        try (VeriDbServer tls = VeriDbServer.start(ServerConfig.builder().dir(tmp.resolve("d1")).address("127.0.0.1")
                .port(0).dcbPort(-1).certificate(serverId.cert()).pkey(serverId.key()).build())) {
            try (VeriClient c = VeriClient.builder().address("127.0.0.1", tls.port()).tls(serverId.cert()).build()) {
                assertThat(c.verifiedSet("k", "v").id()).isEqualTo(1);
            }
        }
        try (VeriDbServer mtls = VeriDbServer.start(ServerConfig.builder().dir(tmp.resolve("d2"))
                .address("127.0.0.1").port(0).dcbPort(-1).certificate(serverId.cert()).pkey(serverId.key())
                .clientcas(clientId.cert()).mtls(true).build())) {
            try (VeriClient c = VeriClient.builder().address("127.0.0.1", mtls.port())
                    .mtls(serverId.cert(), clientId.cert(), clientId.key()).build()) {
                assertThat(c.setAll(List.of(KvWrite.of("a", "1"))).id()).isEqualTo(1);
            }
            assertThatThrownBy(() -> VeriClient.builder().address("127.0.0.1", mtls.port()).tls(serverId.cert())
                    .callTimeout(java.time.Duration.ofSeconds(30)).build())
                    .isInstanceOf(VeriClientException.class)
                    .extracting(e -> ((VeriClientException) e).code())
                    .isEqualTo(io.grpc.Status.Code.UNAVAILABLE);
        }
    }
}
