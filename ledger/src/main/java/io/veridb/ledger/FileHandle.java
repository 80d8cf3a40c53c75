package io.veridb.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;

/** One open file of {@link FileIO}: positional reads and writes, force, truncate and read-only mapping. */
interface FileHandle extends Closeable {

    Path path();

    long size() throws IOException;

    /** Reads exactly {@code dst.remaining()} bytes at {@code pos}; {@link java.io.EOFException} if the file ends. */
    void readFully(ByteBuffer dst, long pos) throws IOException;

    /** Reads up to {@code dst.remaining()} bytes at {@code pos}; returns how many (-1 at the end of the file). */
    int read(ByteBuffer dst, long pos) throws IOException;

    /** Writes all of {@code src} at {@code pos}. */
    void write(ByteBuffer src, long pos) throws IOException;

    /** Makes written data durable ({@code fdatasync}). */
    void force() throws IOException;

    /** Cuts the file to {@code size} bytes (no-op if it is not longer). */
    void truncate(long size) throws IOException;

    /** Maps {@code [pos, pos + len)} read-only; the region must lie inside the file. */
    ByteBuffer mapReadOnly(long pos, int len) throws IOException;
}
