package io.veridb.kv;

import io.veridb.ledger.TxRejectedException;

/** Carries a data-model rejection out of a transaction preparer, through the ledger's commit future. */
final class KvRejection extends TxRejectedException {

    private static final long serialVersionUID = 1L;

    private final transient KvException error;

    KvRejection(KvException error) {
        super(error.getMessage(), error);
        this.error = error;
    }

    KvException error() {
        return error;
    }
}
