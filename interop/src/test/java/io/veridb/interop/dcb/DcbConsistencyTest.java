package io.veridb.interop.dcb;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The DCB consistency run (as the dcb.events k6 suite does it, with the real umadb client): concurrent writers
 * append under random queries and conditions; afterwards no stored event may contradict a condition that an append
 * was granted under. Seed via {@code -Ddcb.consistency.seed}.
 */
class DcbConsistencyTest {
    @TempDir
    Path tmp;

    @Test
    void noGrantedAppendIsContradictedByAStoredEvent() throws Exception {
        String seed = System.getProperty("dcb.consistency.seed", Long.toString(System.currentTimeMillis() % 100_000));
        try (DcbServerUnderTest server = DcbServerUnderTest.plaintext(tmp.resolve("data"))) {
            ProcessRun run = UmadbPython.runScript("consistency.py", Duration.ofMinutes(3),
                    "http://127.0.0.1:" + server.dcbPort(), "16", "8", seed);
            assertThat(run.exitCode()).as("seed %s\n%s", seed, run.describe()).isZero();
            assertThat(run.output()).as(run.describe()).containsPattern("(?m)^\\d+ passed, 0 failed$");
        }
    }
}
