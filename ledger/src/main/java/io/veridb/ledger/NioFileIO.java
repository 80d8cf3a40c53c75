package io.veridb.ledger;

import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** {@link FileIO} over {@link FileChannel}. */
final class NioFileIO implements FileIO {

    static final NioFileIO INSTANCE = new NioFileIO();

    private NioFileIO() {}

    @Override
    public FileHandle open(Path path, boolean create) throws IOException {
        FileChannel ch = create
                ? FileChannel.open(path, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE)
                : FileChannel.open(path, StandardOpenOption.READ, StandardOpenOption.WRITE);
        return new Handle(path, ch);
    }

    @Override
    public FileHandle openReadOnly(Path path) throws IOException {
        return new Handle(path, FileChannel.open(path, StandardOpenOption.READ));
    }

    @Override
    public boolean exists(Path path) {
        return Files.exists(path);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            List<Path> out = new ArrayList<>();
            s.filter(Files::isRegularFile).sorted().forEach(out::add);
            return out;
        }
    }

    @Override
    public void delete(Path path) throws IOException {
        Files.deleteIfExists(path);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        Files.createDirectories(dir);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        }
    }

    private static final class Handle implements FileHandle {
        private final Path path;
        private final FileChannel ch;

        Handle(Path path, FileChannel ch) {
            this.path = path;
            this.ch = ch;
        }

        @Override
        public Path path() {
            return path;
        }

        @Override
        public long size() throws IOException {
            return ch.size();
        }

        @Override
        public void readFully(ByteBuffer dst, long pos) throws IOException {
            long p = pos;
            while (dst.hasRemaining()) {
                int n = ch.read(dst, p);
                if (n < 0) {
                    throw new EOFException(Kv.kv("file", path.getFileName(), "pos", p, "missing", dst.remaining()));
                }
                p += n;
            }
        }

        @Override
        public int read(ByteBuffer dst, long pos) throws IOException {
            return ch.read(dst, pos);
        }

        @Override
        public void write(ByteBuffer src, long pos) throws IOException {
            long p = pos;
            while (src.hasRemaining()) {
                p += ch.write(src, p);
            }
        }

        @Override
        public void force() throws IOException {
            ch.force(false);
        }

        @Override
        public void truncate(long size) throws IOException {
            if (ch.size() > size) {
                ch.truncate(size);
            }
        }

        @Override
        public ByteBuffer mapReadOnly(long pos, int len) throws IOException {
            return ch.map(FileChannel.MapMode.READ_ONLY, pos, len);
        }

        @Override
        public void close() throws IOException {
            ch.close();
        }
    }
}
