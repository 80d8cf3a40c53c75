package io.veridb.cli;

import io.veridb.cli.support.ExitCodes;
import io.veridb.ledger.LedgerVerifier;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code veridb verify}: offline check of one database directory (the server must not have it open). Recomputes
 * every value hash, entry digest, eH, the Alh chain from genesis and every node of the append-only tree.
 */
@Command(name = "verify", mixinStandardHelpOptions = true,
        description = "Verify a database directory offline: every value hash, entry digest, the Alh chain and the "
                + "append-only tree.",
        footer = {"", "The database directory is DIR/NAME with --db NAME; without --db it is DIR/defaultdb when",
            "that exists, else DIR itself. Run it while the server is stopped.",
            "Exit codes: 0 intact, 1 cannot read the directory, 2 usage error, 3 broken (the first broken",
            "transaction, file and offset are printed)."})
final class VerifyCommand implements Callable<Integer> {

    static final String DEFAULT_DB = "defaultdb";

    @Spec
    CommandSpec spec;

    @Option(names = "--dir", required = true, paramLabel = "DIR", description = "Data directory (or a database directory).")
    Path dir;

    @Option(names = "--db", paramLabel = "NAME", description = "Database name: verifies DIR/NAME.")
    String db;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Path target = target();
        if (!Files.isDirectory(target.resolve("tx"))) {
            err.println("veridb verify: " + target + " is not a database directory (no tx/ inside)");
            err.flush();
            return ExitCodes.USAGE;
        }
        ProgressBar bar = new ProgressBar(err, System.console() != null);
        LedgerVerifier.Report r;
        try {
            r = LedgerVerifier.verify(target, bar::update);
        } catch (IOException e) {
            bar.finish();
            err.println("veridb verify: " + e.getMessage());
            err.flush();
            return ExitCodes.OPERATION;
        }
        bar.finish();
        if (r.intact()) {
            out.println("intact: " + target + " (" + r.verifiedTxs() + " transactions, " + r.entries() + " entries)");
            out.flush();
            return ExitCodes.OK;
        }
        err.println("BROKEN: " + target + ": first broken tx=" + r.firstBrokenTx() + " file=" + r.file()
                + " offset=" + r.offset());
        err.println("  " + r.problem());
        err.println("  " + r.verifiedTxs() + " transactions before it verified intact");
        err.flush();
        return ExitCodes.VERIFICATION;
    }

    Path target() {
        if (db != null) {
            return dir.resolve(db);
        }
        Path def = dir.resolve(DEFAULT_DB);
        return Files.isDirectory(def) ? def : dir;
    }

    /** A one-line progress bar on stderr, drawn only on a terminal. */
    static final class ProgressBar {
        private static final int WIDTH = 40;
        private final PrintWriter err;
        private final boolean enabled;
        private boolean drawn;

        ProgressBar(PrintWriter err, boolean enabled) {
            this.err = err;
            this.enabled = enabled;
        }

        void update(long txId, long done, long total) {
            if (!enabled) {
                return;
            }
            double f = total <= 0 ? 1 : Math.min(1, (double) done / total);
            int n = (int) (f * WIDTH);
            err.print("\rverifying [" + "#".repeat(n) + " ".repeat(WIDTH - n) + "] "
                    + String.format("%3d%%", (int) (f * 100)) + " tx " + txId);
            err.flush();
            drawn = true;
        }

        void finish() {
            if (drawn) {
                err.println();
                err.flush();
            }
        }
    }
}
