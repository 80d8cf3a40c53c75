package io.veridb.server.immu.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.veridb.kv.KvErrorCode;
import io.veridb.kv.KvException;
import io.veridb.protocol.immudb.Chunk;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class ChunkFramingTest {

    private static final int SIZE = ChunkFraming.MIN_CHUNK_SIZE;

    @Test
    void smallMessageIsOneChunkStartingWithItsLength() {
        List<Chunk> chunks = ChunkFraming.encode(utf8("hello"), SIZE);

        assertThat(chunks).hasSize(1);
        ByteBuffer b = chunks.get(0).getContent().asReadOnlyByteBuffer();
        assertThat(b.getLong()).isEqualTo(5);
        assertThat(b.remaining()).isEqualTo(5);
        assertThat(chunks.get(0).getMetadataMap()).isEmpty();
    }

    @Test
    void emptyMessageIsJustTheEightLengthBytes() {
        List<Chunk> chunks = ChunkFraming.encode(new byte[0], SIZE);

        assertThat(chunks).hasSize(1);
        assertThat(chunks.get(0).getContent().toByteArray()).containsExactly(new byte[8]);
    }

    @Test
    void largeMessageFillsChunksUpToTheChunkSize() {
        byte[] payload = random(3 * SIZE, 7);

        List<Chunk> chunks = ChunkFraming.encode(payload, SIZE);

        assertThat(chunks).hasSize(4);
        assertThat(chunks.subList(0, 3)).allSatisfy(c -> assertThat(c.getContent().size()).isEqualTo(SIZE));
        assertThat(chunks.get(3).getContent().size()).isEqualTo(8);
        assertThat(decodeAll(chunks)).singleElement().isEqualTo(payload);
    }

    @Test
    void everyMessageStartsANewChunk() {
        List<Chunk> chunks = ChunkFraming.encodeAll(List.of(utf8("k"), utf8("v")), SIZE);

        assertThat(chunks).hasSize(2);
        assertThat(chunks.get(1).getContent().asReadOnlyByteBuffer().getLong()).isEqualTo(1);
    }

    @Test
    void roundTripsMessagesOfManySizes() {
        List<byte[]> messages = new ArrayList<>();
        for (int len : new int[] {0, 1, SIZE - 9, SIZE - 8, SIZE - 7, SIZE, 2 * SIZE + 3, 100_000}) {
            messages.add(random(len, len));
        }

        List<byte[]> decoded = decodeAll(ChunkFraming.encodeAll(messages, SIZE));

        assertThat(decoded).hasSameSizeAs(messages);
        for (int i = 0; i < messages.size(); i++) {
            assertThat(decoded.get(i)).isEqualTo(messages.get(i));
        }
    }

    @Test
    void decodesTwoMessagesSharingOneChunkAsImmudbPySends() {
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        packed.writeBytes(frame(new byte[] {1}));
        packed.writeBytes(frame(utf8("key")));
        ChunkFraming.Decoder decoder = new ChunkFraming.Decoder();

        decoder.feed(ByteString.copyFrom(packed.toByteArray()));

        assertThat(decoder.poll()).hasValueSatisfying(m -> assertThat(m).containsExactly(1));
        assertThat(decoder.poll()).hasValueSatisfying(m -> assertThat(m).isEqualTo(utf8("key")));
        assertThat(decoder.poll()).isEmpty();
        assertThat(decoder.atBoundary()).isTrue();
    }

    @Test
    void decodesAMessageWhoseLengthIsSplitAcrossChunks() {
        byte[] framed = frame(utf8("value"));
        ChunkFraming.Decoder decoder = new ChunkFraming.Decoder();

        decoder.feed(ByteString.copyFrom(framed, 0, 3));
        assertThat(decoder.atBoundary()).isFalse();
        decoder.feed(ByteString.copyFrom(framed, 3, 6));
        assertThat(decoder.poll()).isEmpty();
        decoder.feed(ByteString.copyFrom(framed, 9, framed.length - 9));

        assertThat(decoder.poll()).hasValueSatisfying(m -> assertThat(m).isEqualTo(utf8("value")));
    }

    @Test
    void rejectsAMessageLongerThanTheLimitNamingBoth() {
        ChunkFraming.Decoder decoder = new ChunkFraming.Decoder(10);

        assertThatThrownBy(() -> decoder.feed(ByteString.copyFrom(ByteBuffer.allocate(8).putLong(11).array())))
                .isInstanceOfSatisfying(KvException.class, e -> {
                    assertThat(e.code()).isEqualTo(KvErrorCode.INVALID_ARGUMENT);
                    assertThat(e.getMessage()).startsWith("illegal arguments: ").contains("length=11", "limit=10");
                });
    }

    @Test
    void rejectsChunkSizesBelowImmudbsMinimum() {
        assertThatThrownBy(() -> ChunkFraming.encode(new byte[1], 4095))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("4095");
    }

    static List<byte[]> decodeAll(List<Chunk> chunks) {
        ChunkFraming.Decoder decoder = new ChunkFraming.Decoder();
        List<byte[]> out = new ArrayList<>();
        for (Chunk c : chunks) {
            decoder.feed(c.getContent());
            for (var m = decoder.poll(); m.isPresent(); m = decoder.poll()) {
                out.add(m.get());
            }
        }
        assertThat(decoder.atBoundary()).isTrue();
        return out;
    }

    static byte[] frame(byte[] payload) {
        return ByteBuffer.allocate(8 + payload.length).putLong(payload.length).put(payload).array();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] random(int len, long seed) {
        byte[] b = new byte[len];
        new Random(seed).nextBytes(b);
        return b;
    }
}
