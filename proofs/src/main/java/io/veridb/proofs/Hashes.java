package io.veridb.proofs;

import java.nio.ByteBuffer;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * SHA-256 and the two tree hash shapes shared by the entries tree and the append-only tree.
 *
 * <pre>
 * leaf(d)    = SHA-256( 0x00 || d )
 * node(l, r) = SHA-256( 0x01 || l || r )
 * </pre>
 *
 * <p>All results are fresh 32-byte arrays owned by the caller. {@link #EMPTY} and {@link #ZERO} are shared
 * constants kept for the documented contract; callers must not modify them (code in this package never reads
 * them, so modifying them cannot corrupt a proof). Prefer {@link #empty()} and {@link #zero()}, which return
 * copies. Stateless and thread-safe.
 */
public final class Hashes {

    /**
     * One digest per thread, reused: {@code MessageDigest.getInstance} costs about as much as hashing a node,
     * and proof assembly hashes dozens of nodes per proof. Every method here ends with {@code digest()}, which
     * resets the instance, and none calls another while holding it. The scratch frame lets each hash go in as
     * one update (three small updates cost about a third more than the two SHA-256 blocks themselves).
     */
    private static final ThreadLocal<Scratch> SCRATCH = ThreadLocal.withInitial(Scratch::new);

    private static final class Scratch {
        final MessageDigest digest = createDigest();
        /** Each input laid out whole before one update; grows to the longest seen (keys are bounded). */
        ByteBuffer frame = ByteBuffer.allocate(256);

        ByteBuffer frame(int length) {
            if (frame.capacity() < length) {
                frame = ByteBuffer.allocate(Math.max(length, 2 * frame.capacity()));
            }
            return frame.clear();
        }

        /** SHA-256 of the frame's bytes so far. */
        byte[] digestFrame() {
            digest.update(frame.array(), 0, frame.position());
            return digest.digest();
        }
    }

    /** Length of every digest in bytes. */
    public static final int SIZE = 32;

    /** SHA-256 of the empty string: the Alh of the genesis transaction 0. Do not modify. */
    public static final byte[] EMPTY = sha256();

    /** 32 zero bytes: blRoot of transaction 1 and the absent targetBlTxAlh. Do not modify. */
    public static final byte[] ZERO = new byte[SIZE];

    static final byte LEAF_PREFIX = 0x00;
    static final byte NODE_PREFIX = 0x01;

    private Hashes() {}

    /** SHA-256 of the concatenation of {@code parts}. */
    public static byte[] sha256(byte[]... parts) {
        MessageDigest md = newDigest();
        for (byte[] part : parts) {
            md.update(part);
        }
        return md.digest();
    }

    /** {@code SHA-256(0x00 || d)}. */
    public static byte[] leaf(byte[] d) {
        Scratch s = SCRATCH.get();
        s.frame(1 + d.length).put(LEAF_PREFIX).put(d);
        return s.digestFrame();
    }

    /** {@code SHA-256(0x01 || left || right)}; both must be 32 bytes. */
    public static byte[] node(byte[] left, byte[] right) {
        Checks.hash("left", left);
        Checks.hash("right", right);
        Scratch s = SCRATCH.get();
        s.frame(1 + 2 * SIZE).put(NODE_PREFIX).put(left).put(right);
        return s.digestFrame();
    }

    /**
     * {@code SHA-256( u16(len(md)) || md || u16(len(key)) || key || hValue )}, the version-1 entry digest of
     * {@link EntryDigest}. Lengths are checked there.
     */
    static byte[] entryV1(KvMetadata md, byte[] key, byte[] hValue) {
        Scratch s = SCRATCH.get();
        int mdLength = md.encodedLength();
        ByteBuffer frame = s.frame(2 + mdLength + 2 + key.length + hValue.length).putShort((short) mdLength);
        md.writeTo(frame);
        frame.putShort((short) key.length).put(key).put(hValue);
        return s.digestFrame();
    }

    /** A fresh copy of {@link #EMPTY}. */
    public static byte[] empty() {
        return sha256();
    }

    /** A fresh copy of {@link #ZERO}. */
    public static byte[] zero() {
        return new byte[SIZE];
    }


    private static MessageDigest newDigest() {
        return SCRATCH.get().digest;
    }

    private static MessageDigest createDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java platform must provide SHA-256", e);
        }
    }
}
