package io.veridb.interop.dcb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real {@code umadb} Python client (PyPI, pinned in python/dcb/requirements.txt) drives every DCB RPC of a
 * VeriDB server started in this JVM: conditional-append conflicts, idempotent retries, tracking, backwards and
 * limited reads with head, a live subscription, health, and UmaDB's error texts.
 */
class UmadbPythonClientTest {
    @TempDir
    Path tmp;

    @Test
    void everyRpcBehavesAsUmaDbOnTheDcbPort() throws Exception {
        try (DcbServerUnderTest server = DcbServerUnderTest.plaintext(tmp.resolve("data"))) {
            ProcessRun run = UmadbPython.runScript("test_dcb_rpcs.py", Duration.ofMinutes(3),
                    "http://127.0.0.1:" + server.dcbPort());
            assertThat(run.exitCode()).as(run.describe()).isZero();
            assertThat(run.output()).as(run.describe()).containsPattern("(?m)^\\d+ passed, 0 failed$");
        }
    }

    @Test
    void theMainPortServesTheDcbServicesToo() throws Exception {
        try (DcbServerUnderTest server = DcbServerUnderTest.plaintext(tmp.resolve("data"))) {
            ProcessRun run = UmadbPython.runScript("test_dcb_rpcs.py", Duration.ofMinutes(3),
                    "http://127.0.0.1:" + server.mainPort());
            assertThat(run.exitCode()).as(run.describe()).isZero();
        }
    }
}
