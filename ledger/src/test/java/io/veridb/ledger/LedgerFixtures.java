package io.veridb.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/** Helpers shared by recovery, tamper and crash tests. */
final class LedgerFixtures {

    private LedgerFixtures() {}

    /** Options that never checkpoint on their own (only close and recovery do). */
    static LedgerOptions noAutoCheckpoint() {
        return LedgerOptions.defaults().withCheckpoint(Long.MAX_VALUE, Long.MAX_VALUE);
    }

    static EntrySpec kv(String k, String v) {
        return new EntrySpec(k.getBytes(StandardCharsets.UTF_8), v.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Copies a ledger directory. The sparse slot files (64 MiB, nearly all holes in tests) are copied as their
     * first MiB plus a hole up to the same size, which is byte-for-byte the same content.
     */
    static void copyTree(Path from, Path to) throws IOException {
        copyTree(from, to, true);
    }

    /** Copies a ledger directory, optionally without its RocksDB index (which recovery rebuilds). */
    static void copyTree(Path from, Path to, boolean withIndex) throws IOException {
        deleteTree(to);
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                if (!withIndex && from.relativize(p).startsWith(RocksIndex.DIR)) {
                    continue;
                }
                Path t = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(t);
                } else if (Files.size(p) > (4 << 20)) {
                    copySparse(p, t);
                } else {
                    Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static void copySparse(Path p, Path t) throws IOException {
        long size = Files.size(p);
        try (FileChannel in = FileChannel.open(p, StandardOpenOption.READ);
                FileChannel out = FileChannel.open(t, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1 << 20);
            in.read(b, 0);
            b.flip();
            out.write(b, 0);
            out.write(ByteBuffer.allocate(1), size - 1);
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    static void truncate(Path file, long size) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size);
        }
    }

    static void flipByte(Path file, long offset) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ByteBuffer b = ByteBuffer.allocate(1);
            ch.read(b, offset);
            b.put(0, (byte) (b.get(0) ^ 0x5A)).rewind();
            ch.write(b, offset);
        }
    }

    /** The last segment file of {@code sub} ("tx" or "val"). */
    static Path lastSegment(Path dir, String sub) throws IOException {
        try (Stream<Path> s = Files.list(dir.resolve(sub))) {
            List<Path> files = s.sorted().toList();
            return files.get(files.size() - 1);
        }
    }

    /**
     * Facts about the stored form of transaction {@code txId}, read without changing anything. {@code recordEnd} is
     * where the next record starts (after inline values); the values lie in {@code valueDir}/{@code valueFile}:
     * the tx log itself when they are inline.
     */
    record Layout(long recordOffset, long recordEnd, long valueOffset, long valueEnd, long firstNodeByte,
            long endNodeByte, long offsetsSlot, String txFile, String valueDir, String valueFile) {}

    static Layout layout(Path dir, long txId) throws IOException {
        try (LogStore s = LogStore.open(FileIO.nio(), dir, true)) {
            long pos = s.offsets.get(txId);
            TxRecord r = s.record(txId);
            long len = TxLogFormat.recordLength(r.entries().size(), r.txMetadata().encode().length,
                    r.entries().stream().mapToLong(e -> e.rawKey().length + e.metadata().encode().length).sum());
            boolean inline = r.valuesInline();
            long firstSlot = io.veridb.proofs.NodeLayout.nodeCount(txId - 1);
            long endSlot = io.veridb.proofs.NodeLayout.nodeCount(txId);
            return new Layout(Segments.offset(pos), Segments.offset(pos) + len + (inline ? r.valuesLength() : 0),
                    Segments.offset(r.valuePos()), Segments.offset(r.valuePos()) + r.valuesLength(),
                    s.nodes.offsetOf(firstSlot), s.nodes.offsetOf(endSlot), s.offsets.offsetOf(txId),
                    s.txLog.fileName(pos), inline ? LogStore.TX_DIR : LogStore.VALUE_DIR,
                    (inline ? s.txLog : s.valueLog).fileName(r.valuePos()));
        }
    }

    /** The file holding the values of the transaction {@code l} describes, in ledger directory {@code dir}. */
    static Path valueFile(Path dir, Layout l) {
        return dir.resolve(l.valueDir()).resolve(l.valueFile());
    }

    /** Recovers {@code dir} without the index (fast), returning what recovery found. */
    static Recovery.Result recoverLogsOnly(Path dir) throws IOException {
        try (LogStore s = LogStore.open(FileIO.nio(), dir, false)) {
            return Recovery.run(s, LedgerOptions.defaults(), () -> 0);
        }
    }
}
