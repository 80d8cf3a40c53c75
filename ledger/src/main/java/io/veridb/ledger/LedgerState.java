package io.veridb.ledger;

import io.veridb.proofs.Hashes;
import java.util.Arrays;

/** The last committed transaction id and its Alh; {@code (0, H(""))} for an empty ledger. */
public record LedgerState(long txId, byte[] alh) {

    public LedgerState {
        if (txId < 0) {
            throw new IllegalArgumentException("txId=" + txId + ", want >= 0");
        }
        if (alh == null || alh.length != Hashes.SIZE) {
            throw new IllegalArgumentException("alh must have " + Hashes.SIZE + " bytes");
        }
        alh = alh.clone();
    }

    @Override
    public byte[] alh() {
        return alh.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof LedgerState s && txId == s.txId && Arrays.equals(alh, s.alh);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(txId) * 31 + Arrays.hashCode(alh);
    }

    @Override
    public String toString() {
        return "LedgerState[" + Kv.kv("txId", txId, "alh", alh) + "]";
    }
}
