package io.veridb.proofs;

import java.util.Arrays;
import java.util.Objects;

/**
 * Per-transaction metadata and its hashed byte form (protocol spec §3.2).
 *
 * <pre>
 * txMetadata = [ 0x00 u64(truncatedTxId) ]        ; present iff truncatedTxId != 0
 *              [ 0x01 u16(len(extra)) extra ]     ; present iff extra is non-empty, len ≤ 256
 * </pre>
 *
 * No attribute gives the empty array. Integers are big-endian.
 *
 * @param truncatedTxId the transaction up to which the database was truncated; 0 = none, never negative
 * @param extra opaque request metadata of at most {@value #MAX_EXTRA_LENGTH} bytes; empty = none
 */
public record TxMetadata(long truncatedTxId, byte[] extra) {

    /** Longest allowed {@code extra}. */
    public static final int MAX_EXTRA_LENGTH = 256;

    /** No attributes; encodes to zero bytes. */
    public static final TxMetadata EMPTY = new TxMetadata(0, new byte[0]);

    static final int TRUNCATED = 0x00;
    static final int EXTRA = 0x01;

    public TxMetadata {
        if (truncatedTxId < 0) {
            throw new IllegalArgumentException("truncatedTxId=" + truncatedTxId + " is negative, want >= 0");
        }
        Objects.requireNonNull(extra, "extra");
        if (extra.length > MAX_EXTRA_LENGTH) {
            throw new IllegalArgumentException(
                    "extra has " + extra.length + " bytes, want at most " + MAX_EXTRA_LENGTH);
        }
        extra = extra.clone();
    }

    /** A copy of the extra bytes. */
    @Override
    public byte[] extra() {
        return extra.clone();
    }

    /** True when {@code encode().length == 0}. */
    public boolean isEmpty() {
        return truncatedTxId == 0 && extra.length == 0;
    }

    /** The byte form hashed in v1 transaction headers. */
    public byte[] encode() {
        int len = (truncatedTxId != 0 ? 9 : 0) + (extra.length > 0 ? 3 + extra.length : 0);
        Encoding e = new Encoding(len);
        if (truncatedTxId != 0) {
            e.u8(TRUNCATED).u64(truncatedTxId);
        }
        if (extra.length > 0) {
            e.u8(EXTRA).u16(extra.length).bytes(extra);
        }
        return e.toArray();
    }

    /**
     * Parses the canonical form written by {@link #encode()}.
     *
     * @throws IllegalArgumentException on unknown, repeated or out-of-order attributes, truncation, a zero
     *     truncatedTxId or an empty or oversized extra; the message names the offset
     */
    public static TxMetadata decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        long truncated = 0;
        byte[] extra = new byte[0];
        int lastCode = -1;
        int i = 0;
        while (i < bytes.length) {
            int code = bytes[i] & 0xFF;
            if (code <= lastCode || code > EXTRA) {
                throw new IllegalArgumentException("tx metadata: unexpected attribute "
                        + Checks.kv("code", code, "offset", i, "previousCode", lastCode, "bytes", bytes));
            }
            lastCode = code;
            i++;
            if (code == TRUNCATED) {
                need(bytes, i, 8, "truncatedTxId");
                truncated = Encoding.readU64(bytes, i);
                if (truncated <= 0) {
                    throw new IllegalArgumentException("tx metadata: truncatedTxId=" + Long.toUnsignedString(truncated)
                            + " at offset " + i + ", want 1.." + Long.MAX_VALUE);
                }
                i += 8;
            } else {
                need(bytes, i, 2, "extra length");
                int len = Encoding.readU16(bytes, i);
                i += 2;
                if (len == 0 || len > MAX_EXTRA_LENGTH) {
                    throw new IllegalArgumentException("tx metadata: extra length " + len + " at offset " + (i - 2)
                            + ", want 1.." + MAX_EXTRA_LENGTH);
                }
                need(bytes, i, len, "extra");
                extra = Arrays.copyOfRange(bytes, i, i + len);
                i += len;
            }
        }
        return new TxMetadata(truncated, extra);
    }

    private static void need(byte[] bytes, int offset, int n, String what) {
        if (bytes.length - offset < n) {
            throw new IllegalArgumentException("tx metadata: " + what + " truncated "
                    + Checks.kv("offset", offset, "remaining", bytes.length - offset, "want", n));
        }
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof TxMetadata other && truncatedTxId == other.truncatedTxId
                && Arrays.equals(extra, other.extra);
    }

    @Override
    public int hashCode() {
        return Long.hashCode(truncatedTxId) * 31 + Arrays.hashCode(extra);
    }

    @Override
    public String toString() {
        return "TxMetadata[" + Checks.kv("truncatedTxId", truncatedTxId, "extra", extra) + "]";
    }
}
