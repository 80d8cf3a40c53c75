package io.veridb.ledger;

import io.veridb.proofs.KeyValues;

/** Short names for the project's one {@code k=v} message helper, {@link KeyValues} (house style rule 5). */
final class Kv {

    private Kv() {}

    static String kv(Object... keysAndValues) {
        return KeyValues.kv(keysAndValues);
    }

    static String str(Object value) {
        return KeyValues.str(value);
    }

    static String hex(byte[] bytes) {
        return KeyValues.hex(bytes);
    }
}
