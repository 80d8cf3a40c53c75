package io.veridb.client;

import io.veridb.proofs.Hashes;
import java.util.Arrays;
import java.util.Objects;

/**
 * The state of one database: its last transaction id and that transaction's Alh (accumulated linear hash), plus
 * the server's signature of the state when the server signs. An empty database has {@code txId = 0} and
 * {@code alh = SHA-256("")}. Used both for the server's claim ({@link VeriClient#currentState()}) and for the
 * client's trusted state ({@link VeriClient#trustedState()}).
 *
 * @param database database name as the server stores it (lower case)
 * @param txId last transaction id, ≥ 0
 * @param alh Alh of transaction {@code txId}, 32 bytes
 * @param signature DER ECDSA signature of the state, empty if the server does not sign
 */
public record DatabaseState(String database, long txId, byte[] alh, byte[] signature) {

    public DatabaseState {
        Objects.requireNonNull(database, "database");
        if (txId < 0) {
            throw new IllegalArgumentException("txId=" + txId + ", want >= 0");
        }
        alh = Bytes.copy("alh", alh);
        if (alh.length != Hashes.SIZE) {
            throw new IllegalArgumentException("alh has " + alh.length + " bytes, want " + Hashes.SIZE);
        }
        signature = Bytes.copy("signature", signature);
    }

    /** The state of an empty database. */
    public static DatabaseState empty(String database) {
        return new DatabaseState(database, 0, Hashes.empty(), Bytes.EMPTY);
    }

    @Override
    public byte[] alh() {
        return alh.clone();
    }

    @Override
    public byte[] signature() {
        return signature.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof DatabaseState s && database.equals(s.database) && txId == s.txId
                && Arrays.equals(alh, s.alh) && Arrays.equals(signature, s.signature);
    }

    @Override
    public int hashCode() {
        return Objects.hash(database, txId, Arrays.hashCode(alh), Arrays.hashCode(signature));
    }

    @Override
    public String toString() {
        return "DatabaseState[database=" + database + " txId=" + txId + " alh=" + Bytes.hex(alh)
                + " signature=" + Bytes.brief(signature) + "]";
    }
}
