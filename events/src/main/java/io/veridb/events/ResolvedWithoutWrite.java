package io.veridb.events;

import io.veridb.ledger.TxRejectedException;

/**
 * Not a failure: the request succeeded without writing anything (an idempotent retry, or a zero-event append
 * without tracking). The ledger cannot commit an empty transaction, so the writer leaves it through the rejection
 * path and {@link EventStore} turns it back into a result.
 */
final class ResolvedWithoutWrite extends TxRejectedException {
    private static final long serialVersionUID = 1L;
    private final long position;

    ResolvedWithoutWrite(long position) {
        super("resolved without writing, position " + position);
        this.position = position;
    }

    long position() {
        return position;
    }
}
