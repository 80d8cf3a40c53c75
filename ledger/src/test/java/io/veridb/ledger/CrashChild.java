package io.veridb.ledger;

import io.veridb.proofs.TxHeader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The committing writer that {@link CrashRecoveryTest} kills with SIGKILL. Commits from several threads with
 * small segments and frequent checkpoints and prints {@code ACK <txId> <firstKey>} (flushed) for every commit
 * whose future completed. Not a test itself.
 */
public final class CrashChild {

    private CrashChild() {}

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long seed = Long.parseLong(args[1]);
        PrintStream out = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false,
                StandardCharsets.UTF_8);
        LedgerOptions options = LedgerOptions.defaults().withSegmentBytes(64 << 10)
                .withCheckpoint(30_000_000L, 256 << 10).withRecheckTxs(64);
        Ledger ledger = Ledger.open(dir, options);
        synchronized (out) {
            out.println("OPEN " + ledger.lastTxId());
            out.flush();
        }
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            int tt = t;
            Thread th = new Thread(() -> commitLoop(ledger, out, seed, tt), "crash-child-committer-" + t);
            th.start();
            threads.add(th);
        }
        Thread.sleep(20_000);
        System.exit(3);
    }

    private static void commitLoop(Ledger ledger, PrintStream out, long seed, int thread) {
        Random rnd = new Random(seed * 31 + thread);
        for (int i = 0; ; i++) {
            List<EntrySpec> es = new ArrayList<>();
            String first = "s" + seed + "-t" + thread + "-" + i;
            int n = 1 + rnd.nextInt(3);
            for (int j = 0; j < n; j++) {
                byte[] v = new byte[rnd.nextInt(400)];
                rnd.nextBytes(v);
                es.add(new EntrySpec((j == 0 ? first : first + "." + j).getBytes(StandardCharsets.UTF_8), v));
            }
            if (rnd.nextInt(4) == 0) {
                es.add(new EntrySpec("hot".getBytes(StandardCharsets.UTF_8), new byte[] {(byte) i}));
            }
            try {
                TxHeader h = ledger.commit(es).get();
                synchronized (out) {
                    out.println("ACK " + h.id() + " " + first);
                    out.flush();
                }
            } catch (Exception e) {
                return;
            }
        }
    }
}
