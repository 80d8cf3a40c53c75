package io.veridb.ledger;

/**
 * Thrown by a {@link TxPreparer} to reject its own request (a failed precondition, a violated append condition).
 * The commit future fails with this exception; other requests in the batch are unaffected. Data models may
 * subclass it to carry their own codes.
 */
public class TxRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    public TxRejectedException(String message) {
        super(message);
    }

    public TxRejectedException(String message, Throwable cause) {
        super(message, cause);
    }
}
