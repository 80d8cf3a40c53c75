package io.veridb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.veridb.protocol.immudb.Chunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class ChunkCodecTest {

    @Test
    void everyMessageStartsANewChunkWithItsLength() {
        byte[] big = new byte[10_000];
        big[9_999] = 7;
        List<Chunk> chunks = ChunkCodec.encode(List.of(new byte[] {1, 2}, big, new byte[0]), 4096);
        assertThat(chunks).hasSize(1 + 3 + 1);
        assertThat(chunks.get(0).getContent().toByteArray()).containsExactly(0, 0, 0, 0, 0, 0, 0, 2, 1, 2);
        assertThat(chunks.get(1).getContent().size()).isEqualTo(4096);
        assertThat(chunks.get(1).getContent().substring(0, 8).toByteArray())
                .containsExactly(0, 0, 0, 0, 0, 0, 0x27, 0x10);
        assertThat(chunks.get(4).getContent().toByteArray()).containsExactly(0, 0, 0, 0, 0, 0, 0, 0);
        List<byte[]> back = ChunkCodec.decode(chunks.iterator());
        assertThat(back).hasSize(3);
        assertThat(back.get(1)).isEqualTo(big);
        assertThat(back.get(2)).isEmpty();
    }

    @Test
    void decodingTreatsContentAsAByteStream() {
        Chunk two = Chunk.newBuilder().setContent(ByteString.copyFrom(new byte[] {
            0, 0, 0, 0, 0, 0, 0, 1, 9, 0, 0, 0, 0, 0, 0, 0, 2, 'k'})).build();
        Chunk rest = Chunk.newBuilder().setContent(ByteString.copyFrom(new byte[] {'v'})).build();
        List<byte[]> m = ChunkCodec.decode(List.of(two, rest).iterator());
        assertThat(m).hasSize(2);
        assertThat(m.get(1)).containsExactly('k', 'v');
    }

    @Test
    void truncatedStreamsAreRejectedWithTheOffset() {
        assertThatThrownBy(() -> ChunkCodec.decode(new byte[] {0, 0, 0, 0, 0, 0, 0, 5, 1}))
                .isInstanceOf(VeriClientException.class)
                .hasMessage("chunk stream: message length 5 at offset 0, but 1 bytes remain");
        assertThatThrownBy(() -> ChunkCodec.decode(new byte[] {0, 0, 0}))
                .hasMessageContaining("3 bytes left at offset 0");
        assertThatThrownBy(() -> ChunkCodec.encode(List.of(), 100)).isInstanceOf(IllegalArgumentException.class);
    }
}
