package io.veridb.cli.support;

/** The command line, environment or configuration is wrong; leads to exit code {@link ExitCodes#USAGE}. */
public final class UsageException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public UsageException(String message) {
        super(message);
    }

    public UsageException(String message, Throwable cause) {
        super(message, cause);
    }
}
