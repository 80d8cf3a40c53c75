package io.veridb.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A {@link FileIO} wrapper for fault injection: counts writes and forces per file kind and fails the Nth write or
 * force of files matching a predicate (once armed). After a failure it keeps failing, like a dead disk.
 */
final class FaultyFileIO implements FileIO {

    private final FileIO delegate = FileIO.nio();
    final AtomicInteger writes = new AtomicInteger();
    final AtomicInteger forces = new AtomicInteger();
    private volatile Predicate<Path> target = p -> false;
    private volatile int failWriteAt = -1;
    private volatile int failForceAt = -1;
    private final AtomicInteger targetWrites = new AtomicInteger();
    private final AtomicInteger targetForces = new AtomicInteger();
    private volatile boolean dead;

    /** Counts only files matching {@code p} toward the Nth-write / Nth-force triggers and the counters. */
    FaultyFileIO target(Predicate<Path> p) {
        this.target = p;
        return this;
    }

    FaultyFileIO failWrite(int n) {
        targetWrites.set(0);
        failWriteAt = n;
        return this;
    }

    FaultyFileIO failForce(int n) {
        targetForces.set(0);
        failForceAt = n;
        return this;
    }

    static Predicate<Path> suffix(String s) {
        return p -> p.getFileName().toString().endsWith(s);
    }

    @Override
    public FileHandle open(Path path, boolean create) throws IOException {
        return wrap(delegate.open(path, create));
    }

    @Override
    public FileHandle openReadOnly(Path path) throws IOException {
        return wrap(delegate.openReadOnly(path));
    }

    private FileHandle wrap(FileHandle h) {
        return new FileHandle() {
            @Override
            public Path path() {
                return h.path();
            }

            @Override
            public long size() throws IOException {
                return h.size();
            }

            @Override
            public void readFully(ByteBuffer dst, long pos) throws IOException {
                h.readFully(dst, pos);
            }

            @Override
            public int read(ByteBuffer dst, long pos) throws IOException {
                return h.read(dst, pos);
            }

            @Override
            public void write(ByteBuffer src, long pos) throws IOException {
                if (target.test(h.path())) {
                    writes.incrementAndGet();
                    if (dead || failWriteAt > 0 && targetWrites.incrementAndGet() == failWriteAt) {
                        dead = true;
                        throw new IOException("injected write failure on " + h.path().getFileName());
                    }
                }
                h.write(src, pos);
            }

            @Override
            public void force() throws IOException {
                if (target.test(h.path())) {
                    forces.incrementAndGet();
                    if (dead || failForceAt > 0 && targetForces.incrementAndGet() == failForceAt) {
                        dead = true;
                        throw new IOException("injected fsync failure on " + h.path().getFileName());
                    }
                }
                h.force();
            }

            @Override
            public void truncate(long size) throws IOException {
                h.truncate(size);
            }

            @Override
            public ByteBuffer mapReadOnly(long pos, int len) throws IOException {
                return h.mapReadOnly(pos, len);
            }

            @Override
            public void close() throws IOException {
                h.close();
            }
        };
    }

    @Override
    public boolean exists(Path path) {
        return delegate.exists(path);
    }

    @Override
    public List<Path> list(Path dir) throws IOException {
        return delegate.list(dir);
    }

    @Override
    public void delete(Path path) throws IOException {
        delegate.delete(path);
    }

    @Override
    public void createDirectories(Path dir) throws IOException {
        delegate.createDirectories(dir);
    }

    @Override
    public void syncDirectory(Path dir) throws IOException {
        delegate.syncDirectory(dir);
    }
}
