package io.veridb.proofs;

/** Supplies committed transaction headers by id, for proof builders. Implemented by the ledger and by tests. */
@FunctionalInterface
public interface HeaderSource {

    /**
     * The header of committed transaction {@code id} (1-based); its {@link TxHeader#id()} must equal {@code id}.
     * Implementations may throw unchecked exceptions for ids they do not hold.
     */
    TxHeader header(long id);

    /**
     * Alh of committed transaction {@code id}. The default derives it from {@link #header}; a source that stores
     * Alh values answers without rebuilding the header (the first term of a linear proof needs nothing else).
     */
    default byte[] alh(long id) {
        return header(id).alh();
    }
}
