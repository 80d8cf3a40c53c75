package io.veridb.interop.dcb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * API-key checks with the real umadb client. The client refuses to send a key over plaintext, so the server runs
 * TLS with a self-signed certificate made by keytool, which the client trusts through {@code ca_path}.
 */
class UmadbPythonAuthTest {
    private static final String KEY = "umadb:interop-api-key-7f3a";

    @TempDir
    Path tmp;

    @Test
    void apiKeyIsRequiredOverTlsAndHealthIsOpen() throws Exception {
        SelfSignedTls tls = SelfSignedTls.generate(tmp.resolve("tls"));
        try (DcbServerUnderTest server = DcbServerUnderTest.tlsWithApiKey(tmp.resolve("data"), tls, KEY)) {
            ProcessRun run = UmadbPython.runScript("test_dcb_auth.py", Duration.ofMinutes(2),
                    "https://localhost:" + server.dcbPort(), tls.certificate().toString(), KEY);
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.output()).as(run.describe()).contains("5 passed, 0 failed");
        }
    }
}
