package io.veridb.cli.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

class ProgressBarTest {

    @Test
    void lineShowsPhaseFractionOpsAndErrors() {
        assertThat(ProgressBar.line("measure", 5, 10, 1234, 2))
                .isEqualTo("measure  [###############...............]  50%  1234 ops  2 errors");
        assertThat(ProgressBar.line("warmup", 20, 10, 0, 0)).contains("[" + "#".repeat(30) + "] 100%");
        assertThat(ProgressBar.line("preload", 0, 0, 0, 0)).contains("100%");
    }

    @Test
    void redrawsInPlaceAndEndsTheLineOnlyIfDrawn() {
        StringWriter err = new StringWriter();
        ProgressBar bar = new ProgressBar(new PrintWriter(err), true);
        bar.progress("measure", 1, 2, 3, 0);
        bar.progress("measure", 2, 2, 6, 0);
        bar.finish();
        assertThat(err.toString()).startsWith("\rmeasure ").contains("\rmeasure  [").endsWith("\n");
        StringWriter quiet = new StringWriter();
        ProgressBar off = new ProgressBar(new PrintWriter(quiet), false);
        off.progress("measure", 1, 2, 3, 0);
        off.finish();
        assertThat(quiet.toString()).isEmpty();
    }
}
