package io.veridb.server.immu.kv;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.veridb.kv.KvErrorCode;
import io.veridb.kv.KvErrors;
import io.veridb.kv.KvException;
import io.veridb.protocol.immudb.Chunk;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * immudb's stream framing (protocol spec §2.4): a stream carries messages, each {@code u64 length ‖ payload}
 * (big-endian) split over consecutive {@code Chunk.content} values.
 *
 * <pre>
 * stream  = message*
 * message = u64(len(payload)) payload          ; encoded starting at a chunk boundary
 * chunk   = at most chunkSize bytes of the concatenated message bytes
 * </pre>
 *
 * <p>The encoder starts every message in a new chunk (immudb4j reads the length from the first 8 bytes of a chunk)
 * and fills chunks up to {@code chunkSize}; an empty payload is one chunk of just the 8 length bytes. The
 * {@link Decoder} treats incoming content as one byte stream, because clients may pack several messages into one
 * chunk (immudb-py does). Pure; the decoder is not thread-safe (one per call).
 */
public final class ChunkFraming {

    /** immudb's default chunk size, including the 8 length bytes of a message's first chunk. */
    public static final int DEFAULT_CHUNK_SIZE = 64 * 1024;
    /** Smallest chunk size immudb accepts. */
    public static final int MIN_CHUNK_SIZE = 4096;
    /** Largest message the decoder accepts by default: immudb's maximum value length (32 MiB). */
    public static final long DEFAULT_MAX_MESSAGE_LENGTH = 32L << 20;

    private static final int LENGTH_BYTES = Long.BYTES;

    private ChunkFraming() {}

    /**
     * The chunks of one message.
     *
     * @throws IllegalArgumentException if {@code chunkSize < MIN_CHUNK_SIZE}
     */
    public static List<Chunk> encode(byte[] payload, int chunkSize) {
        if (chunkSize < MIN_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunkSize=" + chunkSize + ", want >= " + MIN_CHUNK_SIZE);
        }
        List<Chunk> chunks = new ArrayList<>(1 + payload.length / chunkSize);
        int first = Math.min(payload.length, chunkSize - LENGTH_BYTES);
        byte[] head = ByteBuffer.allocate(LENGTH_BYTES + first).putLong(payload.length).put(payload, 0, first).array();
        chunks.add(chunk(head));
        for (int off = first; off < payload.length; off += chunkSize) {
            int n = Math.min(chunkSize, payload.length - off);
            chunks.add(Chunk.newBuilder().setContent(ByteString.copyFrom(payload, off, n)).build());
        }
        return chunks;
    }

    /** The chunks of several messages, each starting a new chunk. */
    public static List<Chunk> encodeAll(List<byte[]> payloads, int chunkSize) {
        List<Chunk> chunks = new ArrayList<>();
        for (byte[] p : payloads) {
            chunks.addAll(encode(p, chunkSize));
        }
        return chunks;
    }

    private static Chunk chunk(byte[] ownedBytes) {
        return Chunk.newBuilder().setContent(UnsafeByteOperations.unsafeWrap(ownedBytes)).build();
    }

    /**
     * Reassembles messages from chunk contents fed in order, regardless of how the sender cut them.
     * Not thread-safe.
     */
    public static final class Decoder {

        private final long maxMessageLength;
        private final ArrayDeque<byte[]> ready = new ArrayDeque<>();
        private final byte[] lengthBytes = new byte[LENGTH_BYTES];
        private int lengthFill;
        private byte[] body;
        private int bodyFill;

        /** A decoder accepting messages up to {@link #DEFAULT_MAX_MESSAGE_LENGTH}. */
        public Decoder() {
            this(DEFAULT_MAX_MESSAGE_LENGTH);
        }

        public Decoder(long maxMessageLength) {
            this.maxMessageLength = maxMessageLength;
        }

        /**
         * Consumes one chunk's content.
         *
         * @throws KvException (INVALID_ARGUMENT) when a message announces more than the maximum length
         */
        public void feed(ByteString content) {
            ByteBuffer in = content.asReadOnlyByteBuffer();
            while (in.hasRemaining()) {
                if (body == null) {
                    int n = Math.min(LENGTH_BYTES - lengthFill, in.remaining());
                    in.get(lengthBytes, lengthFill, n);
                    lengthFill += n;
                    if (lengthFill == LENGTH_BYTES) {
                        startBody(ByteBuffer.wrap(lengthBytes).getLong());
                    }
                } else {
                    int n = Math.min(body.length - bodyFill, in.remaining());
                    in.get(body, bodyFill, n);
                    bodyFill += n;
                    if (bodyFill == body.length) {
                        finish();
                    }
                }
            }
        }

        /** The next complete message, oldest first. */
        public Optional<byte[]> poll() {
            return Optional.ofNullable(ready.pollFirst());
        }

        /** True when no bytes of an incomplete message are buffered. */
        public boolean atBoundary() {
            return body == null && lengthFill == 0;
        }

        private void startBody(long length) {
            if (length < 0 || length > maxMessageLength) {
                throw new KvException(KvErrorCode.INVALID_ARGUMENT, KvErrors.ILLEGAL_ARGUMENTS
                        + ": stream message length=" + Long.toUnsignedString(length) + " exceeds limit="
                        + maxMessageLength);
            }
            lengthFill = 0;
            body = new byte[(int) length];
            bodyFill = 0;
            if (length == 0) {
                finish();
            }
        }

        private void finish() {
            ready.addLast(body);
            body = null;
            bodyFill = 0;
        }
    }
}
