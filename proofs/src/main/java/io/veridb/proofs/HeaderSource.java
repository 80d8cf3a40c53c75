package io.veridb.proofs;

/** Supplies committed transaction headers by id, for proof builders. Implemented by the ledger and by tests. */
@FunctionalInterface
public interface HeaderSource {

    /**
     * The header of committed transaction {@code id} (1-based); its {@link TxHeader#id()} must equal {@code id}.
     * Implementations may throw unchecked exceptions for ids they do not hold.
     */
    TxHeader header(long id);
}
