package io.veridb.proofs;

import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.OptionalLong;

/**
 * Per-entry key/value metadata and its hashed byte form (protocol spec §3.2).
 *
 * <pre>
 * kvMetadata = [ 0x00 ]                       ; deleted
 *              [ 0x01 u64(expiresAt) ]        ; expiration, unix seconds
 *              [ 0x02 ]                       ; nonIndexable
 * </pre>
 *
 * Attributes appear in exactly this order; no attribute gives the empty array. The longest form is
 * {@value #MAX_ENCODED_LENGTH} bytes. Integers are big-endian.
 *
 * @param deleted the entry is a delete marker
 * @param expiresAt expiration instant in unix seconds, or empty for none
 * @param nonIndexable the entry is not indexed
 */
public record KvMetadata(boolean deleted, OptionalLong expiresAt, boolean nonIndexable) {

    private static final byte[] NO_BYTES = new byte[0];

    /** No attributes; encodes to zero bytes. */
    public static final KvMetadata NONE = new KvMetadata(false, OptionalLong.empty(), false);

    /** Upper bound of {@link #encode()} length. */
    public static final int MAX_ENCODED_LENGTH = 11;

    static final int DELETED = 0x00;
    static final int EXPIRES_AT = 0x01;
    static final int NON_INDEXABLE = 0x02;

    public KvMetadata {
        Objects.requireNonNull(expiresAt, "expiresAt");
    }

    /** True when no attribute is set, i.e. {@code encode().length == 0}. */
    public boolean isEmpty() {
        return !deleted && expiresAt.isEmpty() && !nonIndexable;
    }

    /** Length of {@link #encode()}, without encoding. */
    public int encodedLength() {
        return (deleted ? 1 : 0) + (expiresAt.isPresent() ? 9 : 0) + (nonIndexable ? 1 : 0);
    }

    /** The byte form hashed in v1 entry digests. */
    public byte[] encode() {
        int len = encodedLength();
        if (len == 0) {
            return NO_BYTES; // the common case, on every entry of every commit: no allocation
        }
        ByteBuffer out = ByteBuffer.allocate(len);
        writeTo(out);
        return out.array();
    }

    /** Puts {@link #encode()}'s bytes into {@code out} (big-endian), without allocating them first. */
    public void writeTo(ByteBuffer out) {
        if (deleted) {
            out.put((byte) DELETED);
        }
        if (expiresAt.isPresent()) {
            out.put((byte) EXPIRES_AT).putLong(expiresAt.getAsLong());
        }
        if (nonIndexable) {
            out.put((byte) NON_INDEXABLE);
        }
    }

    /**
     * Parses the canonical form written by {@link #encode()}.
     *
     * @throws IllegalArgumentException on an unknown attribute code, attributes out of order or repeated, or a
     *     truncated expiration; the message names the offset
     */
    public static KvMetadata decode(byte[] bytes) {
        Objects.requireNonNull(bytes, "bytes");
        boolean deleted = false;
        OptionalLong expiresAt = OptionalLong.empty();
        boolean nonIndexable = false;
        int lastCode = -1;
        int i = 0;
        while (i < bytes.length) {
            int code = bytes[i] & 0xFF;
            if (code <= lastCode || code > NON_INDEXABLE) {
                throw new IllegalArgumentException("kv metadata: unexpected attribute "
                        + Checks.kv("code", code, "offset", i, "previousCode", lastCode, "bytes", bytes));
            }
            lastCode = code;
            i++;
            if (code == DELETED) {
                deleted = true;
            } else if (code == EXPIRES_AT) {
                if (bytes.length - i < 8) {
                    throw new IllegalArgumentException("kv metadata: expiration truncated "
                            + Checks.kv("offset", i, "remaining", bytes.length - i, "want", 8));
                }
                expiresAt = OptionalLong.of(Encoding.readU64(bytes, i));
                i += 8;
            } else {
                nonIndexable = true;
            }
        }
        return new KvMetadata(deleted, expiresAt, nonIndexable);
    }
}
