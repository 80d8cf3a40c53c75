package io.veridb.kv;

import io.veridb.proofs.DualProof;
import java.util.Objects;

/**
 * A transaction with the proof that links it to the client's trusted state (the immudb {@code VerifiableTx}
 * message without its signature, which the server adds for state {@code (db, target.id, Alh(target))}).
 *
 * @param tx the transaction as shaped for the reply
 * @param dualProof proof between the source and target headers chosen per protocol spec §3.8
 */
public record VerifiableTx(TxView tx, DualProof dualProof) {

    public VerifiableTx {
        Objects.requireNonNull(tx, "tx");
        Objects.requireNonNull(dualProof, "dualProof");
    }

    /** The dual proof's target transaction id: the state the reply's signature covers. */
    public long targetTxId() {
        return dualProof.target().id();
    }

    /** Alh of the dual proof's target header. */
    public byte[] targetAlh() {
        return dualProof.target().alh();
    }
}
