package io.veridb.kv;

import java.util.Objects;

/**
 * The database state a client trusts: the last committed transaction and its Alh. An empty database has
 * {@code txId 0} and {@code alh = SHA-256("")}.
 *
 * @param txId last committed transaction, 0 when none
 * @param alh its accumulated linear hash, 32 bytes
 */
public record KvState(long txId, byte[] alh) {

    public KvState {
        alh = Objects.requireNonNull(alh, "alh").clone();
        if (txId < 0 || alh.length != 32) {
            throw new IllegalArgumentException("state txId=" + txId + " alh length=" + alh.length
                    + ", want >= 0 and 32");
        }
    }

    @Override
    public byte[] alh() {
        return alh.clone();
    }
}
