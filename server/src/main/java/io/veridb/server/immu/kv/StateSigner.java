package io.veridb.server.immu.kv;

import io.veridb.protocol.immudb.Signature;
import java.util.Optional;

/**
 * Signs a database state for replies that carry one ({@code ImmutableState.signature},
 * {@code VerifiableTx.signature}; protocol spec §4). The server core implements it with ECDSA P-256 over
 * {@code StateSignatures.payload(db, txId, alh)}; without a signing key it returns empty and the field is omitted.
 */
@FunctionalInterface
public interface StateSigner {

    /** No signing key: every reply goes unsigned. */
    StateSigner NONE = (db, txId, alh) -> Optional.empty();

    /** The signature of state {@code (db, txId, alh)}, or empty when the server has no signing key. */
    Optional<Signature> sign(String db, long txId, byte[] alh);
}
