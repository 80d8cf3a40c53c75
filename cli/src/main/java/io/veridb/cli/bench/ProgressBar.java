package io.veridb.cli.bench;

import io.veridb.bench.load.ProgressListener;
import java.io.PrintWriter;
import java.util.Locale;

/**
 * A one-line progress bar on a terminal, redrawn in place with a carriage return:
 * {@code measure [##########..........]  50%  12345 ops  0 errors}. Does nothing when disabled (no terminal, or
 * JSON output). Called from one monitoring thread.
 */
public final class ProgressBar implements ProgressListener {

    static final int WIDTH = 30;

    private final PrintWriter err;
    private final boolean enabled;
    private boolean drawn;

    public ProgressBar(PrintWriter err, boolean enabled) {
        this.err = err;
        this.enabled = enabled;
    }

    @Override
    public void progress(String phase, long elapsed, long total, long ops, long errors) {
        if (!enabled) {
            return;
        }
        err.print("\r" + line(phase, elapsed, total, ops, errors));
        err.flush();
        drawn = true;
    }

    /** Ends the bar's line, if one was drawn. */
    public void finish() {
        if (drawn) {
            err.println();
            err.flush();
            drawn = false;
        }
    }

    /** The bar's text for these numbers. Pure. */
    static String line(String phase, long elapsed, long total, long ops, long errors) {
        double fraction = total <= 0 ? 1 : Math.min(1, Math.max(0, (double) elapsed / total));
        int filled = (int) Math.round(fraction * WIDTH);
        return String.format(Locale.ROOT, "%-8s [%s%s] %3d%%  %d ops  %d errors", phase, "#".repeat(filled),
                ".".repeat(WIDTH - filled), Math.round(fraction * 100), ops, errors);
    }
}
