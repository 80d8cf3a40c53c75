package io.veridb.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the {@code veridb} command line in-process with captured standard output and error. */
public final class CliRun {

    private final int exitCode;
    private final String out;
    private final String err;

    private CliRun(int exitCode, String out, String err) {
        this.exitCode = exitCode;
        this.out = out;
        this.err = err;
    }

    /** Runs {@code args} as {@link Main#run} does, with output captured. */
    public static CliRun of(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    public int exitCode() {
        return exitCode;
    }

    public String out() {
        return out;
    }

    public String err() {
        return err;
    }

    @Override
    public String toString() {
        return "exit=" + exitCode + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
