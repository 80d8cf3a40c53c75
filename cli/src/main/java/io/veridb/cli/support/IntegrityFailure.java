package io.veridb.cli.support;

/**
 * Data read from the server contradicts its own proofs or hashes (found by the CLI rather than by the SDK), for
 * example a value whose SHA-256 differs from the hash committed in its transaction. Exit code
 * {@link ExitCodes#VERIFICATION}.
 */
public final class IntegrityFailure extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public IntegrityFailure(String message) {
        super(message);
    }
}
