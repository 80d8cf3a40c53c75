package io.veridb.proofs;

import java.util.Objects;

/**
 * The digest of one transaction entry, the leaf input of the entries tree (protocol spec §3.3).
 *
 * <pre>
 * version 0:  digest = SHA-256( key || hValue )                                   ; metadata must be empty
 * version 1:  digest = SHA-256( u16(len(md)) || md || u16(len(key)) || key || hValue )
 *             md     = KvMetadata.encode()
 * </pre>
 *
 * {@code key} is the stored key (with its data-model prefix) and {@code hValue = SHA-256(stored value)}.
 */
public final class EntryDigest {

    /** Longest key a u16 length prefix can carry. */
    public static final int MAX_KEY_LENGTH = 0xFFFF;

    private EntryDigest() {}

    /**
     * Computes the entry digest.
     *
     * @param headerVersion 0 or 1, the version of the transaction header
     * @param key stored key, at most {@value #MAX_KEY_LENGTH} bytes in version 1
     * @param md entry metadata; must be {@link KvMetadata#isEmpty() empty} in version 0
     * @param hValue SHA-256 of the stored value, 32 bytes
     * @throws IllegalArgumentException on another version, metadata in version 0, a long key or a bad hValue
     */
    public static byte[] of(int headerVersion, byte[] key, KvMetadata md, byte[] hValue) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(md, "md");
        Checks.hash("hValue", hValue);
        if (headerVersion == 0) {
            if (!md.isEmpty()) {
                throw new IllegalArgumentException("header version 0 allows no entry metadata, got " + md);
            }
            return Hashes.sha256(key, hValue);
        }
        if (headerVersion != 1) {
            throw new IllegalArgumentException("headerVersion=" + headerVersion + ", want 0 or 1");
        }
        if (key.length > MAX_KEY_LENGTH) {
            throw new IllegalArgumentException(
                    "key has " + key.length + " bytes, want at most " + MAX_KEY_LENGTH + " in version 1");
        }
        return Hashes.entryV1(md, key, hValue);
    }
}
