package io.veridb.events;

import io.veridb.ledger.TxRejectedException;

/** A request the writer rejects with a DCB error (condition, tracking or validation failure). */
final class DcbRejection extends TxRejectedException {
    private static final long serialVersionUID = 1L;

    DcbRejection(DcbException error) {
        super(error.getMessage(), error);
    }

    DcbException error() {
        return (DcbException) getCause();
    }
}
