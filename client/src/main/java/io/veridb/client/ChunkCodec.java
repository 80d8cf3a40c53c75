package io.veridb.client;

import com.google.protobuf.ByteString;
import io.veridb.protocol.immudb.Chunk;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The message framing of immudb's chunked streams (protocol spec §2.4): each message is {@code u64(length) ||
 * payload}, split over consecutive {@code Chunk.content} values. Sending, every message starts a new chunk and
 * chunks hold at most {@code chunkSize} bytes (the 8 length bytes included). Receiving, {@code content} is read as
 * a plain byte stream, so any split is accepted. Pure.
 */
final class ChunkCodec {

    /** immudb's default chunk size. */
    static final int DEFAULT_CHUNK_SIZE = 64 * 1024;
    static final int MIN_CHUNK_SIZE = 4096;

    private ChunkCodec() {}

    static List<Chunk> encode(List<byte[]> messages, int chunkSize) {
        if (chunkSize < MIN_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunkSize=" + chunkSize + ", want >= " + MIN_CHUNK_SIZE);
        }
        List<Chunk> chunks = new ArrayList<>();
        for (byte[] m : messages) {
            byte[] framed = ByteBuffer.allocate(Long.BYTES + m.length).putLong(m.length).put(m).array();
            for (int off = 0; off < framed.length; off += chunkSize) {
                int len = Math.min(chunkSize, framed.length - off);
                chunks.add(Chunk.newBuilder().setContent(ByteString.copyFrom(framed, off, len)).build());
            }
        }
        return chunks;
    }

    /**
     * Decodes every message of a finished stream.
     *
     * @throws VeriClientException if the stream ends inside a message or announces a negative or huge length
     */
    static List<byte[]> decode(Iterator<Chunk> chunks) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (chunks.hasNext()) {
            ByteString content = chunks.next().getContent();
            all.write(content.toByteArray(), 0, content.size());
        }
        return decode(all.toByteArray());
    }

    static List<byte[]> decode(byte[] stream) {
        List<byte[]> messages = new ArrayList<>();
        ByteBuffer in = ByteBuffer.wrap(stream);
        while (in.hasRemaining()) {
            if (in.remaining() < Long.BYTES) {
                throw new VeriClientException("chunk stream: " + in.remaining() + " bytes left at offset "
                        + in.position() + ", want an 8-byte message length");
            }
            long len = in.getLong();
            if (len < 0 || len > in.remaining()) {
                throw new VeriClientException("chunk stream: message length " + len + " at offset "
                        + (in.position() - Long.BYTES) + ", but " + in.remaining() + " bytes remain");
            }
            byte[] m = new byte[(int) len];
            in.get(m);
            messages.add(m);
        }
        return messages;
    }
}
