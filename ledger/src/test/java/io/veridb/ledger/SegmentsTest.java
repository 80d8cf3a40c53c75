package io.veridb.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.EOFException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reads from every place a segment's bytes can come from: mapped chunks, the unmapped tail, sealed maps. */
class SegmentsTest {

    @TempDir
    Path dir;

    private static byte at(long segment, long offset) {
        return (byte) (offset * 31 + segment * 7 + (offset >>> 11));
    }

    private static ByteBuffer block(int segment, long from, int len) {
        ByteBuffer b = ByteBuffer.allocate(len);
        for (int i = 0; i < len; i++) {
            b.put(at(segment, from + i));
        }
        return b.flip();
    }

    @Test
    void readsAcrossMappedChunksTheUnmappedTailAndSealedSegments() throws Exception {
        byte[] magic = FileHeader.magic("TESTSEGS");
        try (Segments s = Segments.open(FileIO.nio(), dir, ".seg", magic, 1)) {
            long size = Segments.ACTIVE_CHUNK + (3 << 20);
            for (long off = FileHeader.BYTES; off < size; off += 1 << 20) {
                int len = (int) Math.min(1 << 20, size - off);
                s.append(block(0, off, len));
            }
            Random rnd = new Random(5);
            long[] probes = {FileHeader.BYTES, Segments.ACTIVE_CHUNK - 10, Segments.ACTIVE_CHUNK - 1,
                Segments.ACTIVE_CHUNK, size - 600, size - 1};
            for (int i = 0; i < 200; i++) {
                long off = i < probes.length ? probes[i] : FileHeader.BYTES + rnd.nextInt((int) size - 64);
                int len = (int) Math.min(1 + rnd.nextInt(600), size - off);
                ByteBuffer b = ByteBuffer.allocate(len);
                s.read(Segments.pos(0, off), b);
                assertThat(b.array()).as("offset %d len %d", off, len).isEqualTo(block(0, off, len).array());
                ByteBuffer some = ByteBuffer.allocate(512);
                int n = s.readSome(Segments.pos(0, off), some);
                assertThat(n).isEqualTo((int) Math.min(512, size - off));
                assertThat(java.util.Arrays.copyOf(some.array(), n)).isEqualTo(block(0, off, n).array());
            }
            assertThatThrownBy(() -> s.read(Segments.pos(0, size - 2), ByteBuffer.allocate(4)))
                    .isInstanceOf(EOFException.class);
            s.force();
            s.roll();
            s.append(block(1, FileHeader.BYTES, 1000));
            ByteBuffer sealed = ByteBuffer.allocate(100);
            s.read(Segments.pos(0, Segments.ACTIVE_CHUNK - 50), sealed);
            assertThat(sealed.array()).isEqualTo(block(0, Segments.ACTIVE_CHUNK - 50, 100).array());
            ByteBuffer fresh = ByteBuffer.allocate(1000);
            s.read(Segments.firstPos(1), fresh);
            assertThat(fresh.array()).isEqualTo(block(1, FileHeader.BYTES, 1000).array());
        }
    }
}
