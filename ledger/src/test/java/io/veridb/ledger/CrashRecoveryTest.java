package io.veridb.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Kills a committing child JVM with SIGKILL at random moments (seeded; set {@code -Dcrash.seed=…} to replay),
 * reopens the ledger after each kill and checks that every acknowledged transaction is there with its content,
 * that the whole chain verifies, and that the key index agrees with the log.
 */
class CrashRecoveryTest {

    private static final int KILLS = 50;

    @TempDir
    Path dir;

    /**
     * The child's temporary directory. RocksDB unpacks its native library (14 MB) there and deletes it at exit,
     * which a SIGKILL skips: in the system one, every kill would leave a copy behind for good.
     */
    @TempDir
    Path childTmp;

    @Test
    void everyAcknowledgedTransactionSurvivesRepeatedSigkill() throws Exception {
        long seed = Long.getLong("crash.seed", System.nanoTime());
        System.err.println("CrashRecoveryTest seed=" + seed + " (replay with -Dcrash.seed=" + seed + ")");
        Random rnd = new Random(seed);
        Map<Long, String> acked = new TreeMap<>();
        long checkedUpTo = 0;
        long hotWrites = 0;
        int totalAcks = 0;
        for (int kill = 0; kill < KILLS; kill++) {
            Map<Long, String> round = new ConcurrentHashMap<>();
            Process p = new ProcessBuilder(javaBinary(), "-Xmx192m", "-XX:TieredStopAtLevel=1", "-Xshare:auto",
                    "-Djava.io.tmpdir=" + childTmp, "-cp", System.getProperty("java.class.path"), CrashChild.class.getName(), dir.toString(),
                    Long.toString(seed + kill))
                    .redirectError(ProcessBuilder.Redirect.DISCARD).start();
            java.util.concurrent.CountDownLatch opened = new java.util.concurrent.CountDownLatch(1);
            Thread reader = new Thread(() -> readAcks(p, round, opened), "crash-test-ack-reader");
            reader.start();
            if (rnd.nextInt(5) == 0) {
                Thread.sleep(rnd.nextInt(1000)); // sometimes while the child starts or recovers
            } else {
                opened.await(20, TimeUnit.SECONDS);
                Thread.sleep(rnd.nextInt(400)); // mostly while it commits
            }
            p.destroyForcibly();
            assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
            reader.join();
            acked.putAll(round);
            totalAcks += round.size();
            try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
                assertThat(l.failure()).as("kill %d (seed %d)", kill, seed).isEmpty();
                long last = l.lastTxId();
                for (Map.Entry<Long, String> e : round.entrySet()) {
                    assertThat(e.getKey()).as("acked tx %d after kill %d (seed %d)", e.getKey(), kill, seed)
                            .isLessThanOrEqualTo(last);
                    assertThat(new String(l.tx(e.getKey()).entries().get(0).key(), StandardCharsets.UTF_8))
                            .isEqualTo(e.getValue());
                }
                for (long id = checkedUpTo + 1; id <= last; id++) {
                    for (TxEntry e : l.tx(id).entries()) {
                        String key = new String(e.key(), StandardCharsets.UTF_8);
                        KeyVersion v = l.index().latest(e.key()).orElseThrow(
                                () -> new AssertionError("index misses " + key + " (seed " + seed + ")"));
                        if (key.equals("hot")) {
                            hotWrites++;
                            assertThat(l.index().atRevision(e.key(), hotWrites).orElseThrow().txId()).isEqualTo(id);
                        } else {
                            assertThat(v.txId()).as("index of %s (seed %d)", key, seed).isEqualTo(id);
                        }
                    }
                }
                assertThat(l.index().latest("hot".getBytes(StandardCharsets.UTF_8)).map(KeyVersion::revision)
                        .orElse(0L)).isEqualTo(hotWrites);
                checkedUpTo = last;
            }
            LedgerVerifier.Report report = LedgerVerifier.verify(dir);
            assertThat(report.intact()).as("kill %d seed %d: %s", kill, seed, report).isTrue();
            assertThat(report.verifiedTxs()).isEqualTo(checkedUpTo);
        }
        System.err.println("CrashRecoveryTest: " + KILLS + " kills, " + totalAcks + " acknowledged, "
                + checkedUpTo + " transactions at the end");
        assertThat(totalAcks).isPositive();
    }

    private static void readAcks(Process p, Map<Long, String> into, java.util.concurrent.CountDownLatch opened) {
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("OPEN ")) {
                    opened.countDown();
                } else if (line.startsWith("ACK ")) {
                    String[] parts = line.split(" ");
                    if (parts.length == 3) {
                        into.put(Long.parseLong(parts[1]), parts[2]);
                    }
                }
            }
        } catch (java.io.IOException e) {
            // the child died mid-line; what was read is what was acknowledged
        } finally {
            opened.countDown();
        }
    }

    private static String javaBinary() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
