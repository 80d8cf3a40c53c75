package io.veridb.ledger;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The ledger's narrow seam to the operating system: every byte the ledger stores (except RocksDB's) goes through
 * this interface, so tests can wrap it to fail the Nth write or force, or to tear and flip bytes. Implementations
 * must be thread-safe.
 */
interface FileIO {

    /** Opens {@code path} for reading and writing; creates an empty file if {@code create} and it is absent. */
    FileHandle open(Path path, boolean create) throws IOException;

    /** Opens an existing {@code path} for reading only (writes through the handle fail). */
    FileHandle openReadOnly(Path path) throws IOException;

    boolean exists(Path path);

    /** Regular files directly in {@code dir}, sorted by name. */
    List<Path> list(Path dir) throws IOException;

    void delete(Path path) throws IOException;

    void createDirectories(Path dir) throws IOException;

    /** Makes the directory entries of {@code dir} durable (fsync of the directory). */
    void syncDirectory(Path dir) throws IOException;

    /** The real file system through {@code FileChannel}. */
    static FileIO nio() {
        return NioFileIO.INSTANCE;
    }
}
