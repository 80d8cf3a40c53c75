package io.veridb.ledger;

import java.io.IOException;

/**
 * The ledger refuses appends: a write or fsync failed (fail-stop), the chain was found broken at open, or the
 * ledger is closed. The cause is the original failure. Reopen the ledger to recover.
 */
public final class LedgerFailedException extends IOException {

    private static final long serialVersionUID = 1L;

    public LedgerFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
