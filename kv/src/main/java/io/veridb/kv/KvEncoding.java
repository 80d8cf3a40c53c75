package io.veridb.kv;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.Objects;

/**
 * How the immudb data model lays user keys and values into ledger entries (protocol spec §3.1). Integers are
 * big-endian.
 *
 * <pre>
 * kvKey        = 0x00 userKey
 * plainValue   = 0x00 userValue
 * refValue     = 0x01 u64(atTx) 0x00 referencedKey          ; atTx = 0 for an unbound reference
 * zsetKey      = 0x01 u64(len(set)) set u64(float64bits(score)) u64(1 + len(key)) 0x00 key u64(atTx)
 * deleteMarker = kvKey with an empty value and metadata {deleted}
 * </pre>
 *
 * Stateless and thread-safe; every result is a fresh array.
 */
public final class KvEncoding {

    /** First byte of a plain key/value key and of a plain value. */
    public static final byte KV_PREFIX = 0x00;
    /** First byte of a sorted-set member key. */
    public static final byte ZSET_PREFIX = 0x01;
    /** First byte of SQL engine keys (not produced by VeriDB). */
    public static final byte SQL_PREFIX = 0x02;
    /** First byte of a plain value. */
    public static final byte PLAIN_VALUE = 0x00;
    /** First byte of a reference value. */
    public static final byte REFERENCE_VALUE = 0x01;

    private static final int U64 = 8;

    private KvEncoding() {}

    /** {@code 0x00 ‖ userKey}. */
    public static byte[] kvKey(byte[] userKey) {
        return prefixed(KV_PREFIX, userKey);
    }

    /** {@code 0x00 ‖ userValue}. */
    public static byte[] plainValue(byte[] userValue) {
        return prefixed(PLAIN_VALUE, userValue);
    }

    /** {@code 0x01 ‖ u64(atTx) ‖ 0x00 ‖ referencedKey}. */
    public static byte[] referenceValue(byte[] referencedKey, long atTx) {
        Objects.requireNonNull(referencedKey, "referencedKey");
        return ByteBuffer.allocate(1 + U64 + 1 + referencedKey.length)
                .put(REFERENCE_VALUE).putLong(atTx).put(KV_PREFIX).put(referencedKey).array();
    }

    /** The prefix every member key of {@code set} starts with: {@code 0x01 ‖ u64(len(set)) ‖ set}. */
    public static byte[] zsetPrefix(byte[] set) {
        Objects.requireNonNull(set, "set");
        return ByteBuffer.allocate(1 + U64 + set.length).put(ZSET_PREFIX).putLong(set.length).put(set).array();
    }

    /** The full member key of {@code userKey} with {@code score} in {@code set}, bound to {@code atTx} (0 = unbound). */
    public static byte[] zsetKey(byte[] set, double score, byte[] userKey, long atTx) {
        Objects.requireNonNull(userKey, "userKey");
        byte[] prefix = zsetPrefix(set);
        return ByteBuffer.allocate(prefix.length + U64 + U64 + 1 + userKey.length + U64)
                .put(prefix)
                .putLong(Double.doubleToRawLongBits(score))
                .putLong(1L + userKey.length)
                .put(KV_PREFIX)
                .put(userKey)
                .putLong(atTx)
                .array();
    }

    /** True when {@code storedValue} is a reference (first byte 0x01 and long enough). */
    public static boolean isReference(byte[] storedValue) {
        return storedValue.length >= 1 + U64 + 1 && storedValue[0] == REFERENCE_VALUE;
    }

    /** Drops the first byte of a non-empty stored key or value; the empty array stays empty. */
    public static byte[] strip(byte[] stored) {
        return stored.length == 0 ? stored.clone() : Arrays.copyOfRange(stored, 1, stored.length);
    }

    /**
     * Decodes a reference value.
     *
     * @throws KvException (DATA_LOSS) when the bytes are not a reference value
     */
    public static Reference decodeReference(byte[] storedValue) {
        if (!isReference(storedValue) || storedValue[1 + U64] != KV_PREFIX) {
            throw KvErrors.corrupted("invalid reference value length=" + storedValue.length, null);
        }
        long atTx = ByteBuffer.wrap(storedValue, 1, U64).getLong();
        byte[] key = Arrays.copyOfRange(storedValue, 1 + U64 + 1, storedValue.length);
        return new Reference(key, atTx);
    }

    /**
     * Decodes a sorted-set member key.
     *
     * @throws KvException (DATA_LOSS) when the lengths inside do not add up
     */
    public static ZsetMember decodeZsetKey(byte[] stored) {
        ByteBuffer b = ByteBuffer.wrap(stored);
        try {
            if (b.get() != ZSET_PREFIX) {
                throw KvErrors.corrupted("zset key must start with 0x01", null);
            }
            byte[] set = take(b, b.getLong());
            double score = Double.longBitsToDouble(b.getLong());
            byte[] prefixedKey = take(b, b.getLong());
            long atTx = b.getLong();
            if (b.hasRemaining() || prefixedKey.length == 0 || prefixedKey[0] != KV_PREFIX) {
                throw KvErrors.corrupted("malformed zset key length=" + stored.length, null);
            }
            return new ZsetMember(set, score, Arrays.copyOfRange(prefixedKey, 1, prefixedKey.length), atTx);
        } catch (RuntimeException e) {
            if (e instanceof KvException k) {
                throw k;
            }
            throw KvErrors.corrupted("malformed zset key length=" + stored.length, e);
        }
    }

    private static byte[] take(ByteBuffer b, long len) {
        if (len < 0 || len > b.remaining()) {
            throw KvErrors.corrupted("zset key field length=" + len + " remaining=" + b.remaining(), null);
        }
        byte[] out = new byte[(int) len];
        b.get(out);
        return out;
    }

    private static byte[] prefixed(byte prefix, byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        byte[] out = new byte[bytes.length + 1];
        out[0] = prefix;
        System.arraycopy(bytes, 0, out, 1, bytes.length);
        return out;
    }

    /**
     * A decoded reference value.
     *
     * @param key the referenced user key (unprefixed)
     * @param atTx the bound transaction, 0 when unbound
     */
    public record Reference(byte[] key, long atTx) {
        public Reference {
            key = key.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }
    }

    /**
     * A decoded sorted-set member key.
     *
     * @param set the set name
     * @param score the score
     * @param key the member's user key (unprefixed)
     * @param atTx the bound transaction, 0 when unbound
     */
    public record ZsetMember(byte[] set, double score, byte[] key, long atTx) {
        public ZsetMember {
            set = set.clone();
            key = key.clone();
        }

        @Override
        public byte[] set() {
            return set.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }
    }
}
