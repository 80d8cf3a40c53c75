package io.veridb.client;

import java.nio.ByteBuffer;

/**
 * How the immudb data model stores keys and values inside a transaction (protocol spec §3.1). Pure.
 *
 * <pre>
 * plain key        = 0x00 || userKey
 * plain value      = 0x00 || userValue
 * reference value  = 0x01 || u64(atTx) || 0x00 || referencedKey
 * sorted-set key   = 0x01 || u64(len(set)) || set || u64(float64bits(score)) || u64(1 + len(key)) || 0x00 || key
 *                    || u64(atTx)                                          ; its stored value is empty
 * SQL key          = 0x02 || …                                             ; not decoded by the SDK
 * </pre>
 */
final class Keys {

    static final byte PLAIN_PREFIX = 0x00;
    static final byte SET_PREFIX = 0x01;
    static final byte SQL_PREFIX = 0x02;
    static final byte REFERENCE_VALUE_PREFIX = 0x01;

    private Keys() {}

    /** {@code 0x00 || key}. */
    static byte[] plainKey(byte[] key) {
        return prefixed(PLAIN_PREFIX, key);
    }

    /** {@code 0x00 || value}. */
    static byte[] plainValue(byte[] value) {
        return prefixed(PLAIN_PREFIX, value);
    }

    /** {@code 0x01 || u64(atTx) || 0x00 || referencedKey}. */
    static byte[] referenceValue(byte[] referencedKey, long atTx) {
        return ByteBuffer.allocate(1 + 8 + 1 + referencedKey.length)
                .put(REFERENCE_VALUE_PREFIX).putLong(atTx).put(PLAIN_PREFIX).put(referencedKey)
                .array();
    }

    /** The stored key of a sorted-set member. */
    static byte[] zsetKey(byte[] set, double score, byte[] key, long atTx) {
        return ByteBuffer.allocate(1 + 8 + set.length + 8 + 8 + 1 + key.length + 8)
                .put(SET_PREFIX)
                .putLong(set.length).put(set)
                .putLong(Double.doubleToLongBits(score))
                .putLong(1L + key.length).put(PLAIN_PREFIX).put(key)
                .putLong(atTx)
                .array();
    }

    private static byte[] prefixed(byte prefix, byte[] b) {
        byte[] out = new byte[b.length + 1];
        out[0] = prefix;
        System.arraycopy(b, 0, out, 1, b.length);
        return out;
    }
}
