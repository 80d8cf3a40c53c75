package io.veridb.cli.support;

/**
 * Exit codes of every {@code veridb} command except {@code server}: scripts branch on them, so they never change
 * meaning.
 */
public final class ExitCodes {

    /** The command did what was asked. */
    public static final int OK = 0;

    /** The operation failed: key or transaction not found, refused by the server, connection lost. */
    public static final int OPERATION = 1;

    /** The command line, environment or configuration file is wrong. */
    public static final int USAGE = 2;

    /** A proof, signature or server identity did not verify, or an audit found tampering. */
    public static final int VERIFICATION = 3;

    private ExitCodes() {}
}
