package io.veridb.cli.support;

import io.grpc.Status;
import io.veridb.client.KeyNotFoundException;
import io.veridb.client.ServerIdentityException;
import io.veridb.client.TxNotFoundException;
import io.veridb.client.VerificationException;
import io.veridb.client.VeriClientException;
import java.io.UncheckedIOException;

/** Maps a failure to its exit code ({@link ExitCodes}) and a one-line message. Pure. */
public final class Failures {

    private Failures() {}

    /** The exit code {@code e} leads to. */
    public static int exitCode(Throwable e) {
        if (e instanceof UsageException || e instanceof IllegalArgumentException) {
            return ExitCodes.USAGE;
        }
        if (e instanceof VerificationException || e instanceof ServerIdentityException
                || e instanceof IntegrityFailure) {
            return ExitCodes.VERIFICATION;
        }
        if (e instanceof VeriClientException v && v.code() == Status.Code.DATA_LOSS) {
            return ExitCodes.VERIFICATION;
        }
        return ExitCodes.OPERATION;
    }

    /** A one-line description of {@code e} for the user. */
    public static String message(Throwable e) {
        if (e instanceof VeriClientException v && v.code() == Status.Code.UNAVAILABLE) {
            return "server unavailable: " + v.getMessage();
        }
        if (e instanceof VeriClientException v && v.code() == Status.Code.DATA_LOSS) {
            return "server reports damaged data: " + v.getMessage();
        }
        if (e instanceof KeyNotFoundException) {
            return "key not found";
        }
        if (e instanceof TxNotFoundException) {
            return "tx not found";
        }
        if (e instanceof UncheckedIOException u && u.getCause() != null) {
            return u.getMessage() + ": " + u.getCause().getMessage();
        }
        if (e instanceof UsageException || e instanceof VeriClientException || e instanceof IntegrityFailure) {
            return e.getMessage();
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    /** Prints {@code e} for {@code command} and returns its exit code. */
    public static int report(String command, Throwable e, Output out) {
        int code = exitCode(e);
        out.error(command, message(e), code);
        return code;
    }
}
