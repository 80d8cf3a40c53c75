package io.veridb.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * An append-only log split into segment files {@code NNNNNNNN<suffix>}, each starting with a {@link FileHeader}
 * whose {@code aux} is the segment number. Positions are packed as {@code segment << 40 | offset}. Appends go to
 * the last segment at its tracked end; the caller decides when to {@link #roll()}. Reads are thread-safe; appends,
 * rolls and truncation are for the single writer thread.
 */
final class Segments implements Closeable {

    static final int OFFSET_BITS = 40;
    static final long OFFSET_MASK = (1L << OFFSET_BITS) - 1;

    private final FileIO io;
    private final Path dir;
    private final String suffix;
    private final byte[] magic;
    private final int version;
    private final Map<Integer, FileHandle> files = new TreeMap<>();
    private volatile FileHandle[] bySegment = new FileHandle[0];
    /** Read-only maps of sealed segments (they never change again), made on first read. */
    private volatile java.nio.ByteBuffer[] sealedMaps = new java.nio.ByteBuffer[0];
    private volatile int current = -1;
    /** Format version in the header of the last segment (the one appends go to). */
    private int lastVersion;
    private long end;

    private Segments(FileIO io, Path dir, String suffix, byte[] magic, int version) {
        this.io = io;
        this.dir = dir;
        this.suffix = suffix;
        this.magic = magic;
        this.version = version;
    }

    static long pos(int segment, long offset) {
        return ((long) segment << OFFSET_BITS) | offset;
    }

    static int segment(long pos) {
        return (int) (pos >>> OFFSET_BITS);
    }

    static long offset(long pos) {
        return pos & OFFSET_MASK;
    }

    /**
     * Opens the segments in {@code dir}, creating segment 0 if there is none. The end is each last file's size;
     * recovery then {@link #truncateTo cuts} it to the last valid record. A last segment with a torn header (a
     * roll that did not reach the disk) is deleted.
     */
    static Segments open(FileIO io, Path dir, String suffix, byte[] magic, int version) throws IOException {
        return open(io, dir, suffix, magic, version, false);
    }

    /** Like {@link #open(FileIO, Path, String, byte[], int)}; read-only opens change nothing on disk. */
    static Segments open(FileIO io, Path dir, String suffix, byte[] magic, int version, boolean readOnly)
            throws IOException {
        Segments s = new Segments(io, dir, suffix, magic, version);
        List<Path> paths = new ArrayList<>();
        for (Path p : io.list(dir)) {
            if (p.getFileName().toString().endsWith(suffix)) {
                paths.add(p);
            }
        }
        for (int i = 0; i < paths.size(); i++) {
            Path p = paths.get(i);
            int seg = parse(p, suffix);
            if (seg != i) {
                throw new CorruptLogException("segment file is out of sequence, " + Kv.kv("want", i), p, 0, 0);
            }
            FileHandle h = readOnly ? io.openReadOnly(p) : io.open(p, false);
            boolean last = i == paths.size() - 1;
            try {
                ByteBuffer hb = ByteBuffer.allocate(FileHeader.BYTES);
                if (h.size() < FileHeader.BYTES) {
                    throw new CorruptLogException("segment header is torn, " + Kv.kv("size", h.size()), p, 0, 0);
                }
                h.readFully(hb, 0);
                long aux = FileHeader.check(hb.flip(), magic, version, p.getFileName().toString());
                s.lastVersion = FileHeader.version(hb);
                if (aux != seg) {
                    throw new CorruptLogException("segment header " + Kv.kv("segment", aux, "want", seg), p, 0, 0);
                }
            } catch (CorruptLogException e) {
                long size = h.size();
                h.close();
                // A roll writes and forces the header before any data, so a torn roll leaves at most a header.
                if (last && size <= FileHeader.BYTES && !readOnly) {
                    io.delete(p);
                    io.syncDirectory(dir);
                    break;
                }
                throw e;
            }
            s.files.put(seg, h);
        }
        if (s.files.isEmpty()) {
            if (readOnly) {
                throw new CorruptLogException("no segment files", dir.resolve("00000000" + suffix), 0, 0);
            }
            s.create(0);
        }
        s.current = s.files.size() - 1;
        s.end = s.files.get(s.current).size();
        s.readableEnd = s.end;
        s.publish();
        return s;
    }

    private static int parse(Path p, String suffix) throws CorruptLogException {
        String name = p.getFileName().toString();
        try {
            return Integer.parseInt(name.substring(0, name.length() - suffix.length()));
        } catch (NumberFormatException e) {
            throw new CorruptLogException("unexpected segment file name", p, 0, 0);
        }
    }

    private Path path(int seg) {
        return dir.resolve(String.format("%08d%s", seg, suffix));
    }

    private void create(int seg) throws IOException {
        Path p = path(seg);
        FileHandle h = io.open(p, true);
        h.truncate(0);
        h.write(FileHeader.write(magic, version, seg), 0);
        lastVersion = version;
        h.force();
        io.syncDirectory(dir);
        files.put(seg, h);
    }

    /** Segments below this number are sealed: complete and never written again. */
    private volatile int sealedCount;

    private void publish() {
        sealedCount = Math.max(0, current);
        if (sealedMaps.length > sealedCount) {
            sealedMaps = java.util.Arrays.copyOf(sealedMaps, sealedCount);
        }
        FileHandle[] arr = new FileHandle[files.size()];
        for (Map.Entry<Integer, FileHandle> e : files.entrySet()) {
            arr[e.getKey()] = e.getValue();
        }
        bySegment = arr;
    }

    /** Packed position of the next append. */
    long position() {
        return pos(current, end);
    }

    /** Bytes in the current segment, header included. */
    long currentSegmentBytes() {
        return end;
    }

    /** Format version of the segment appends go to: older than the current one until the next roll. */
    int currentVersion() {
        return lastVersion;
    }

    int currentSegment() {
        return current;
    }

    /** Packed position where data of segment {@code seg} starts. */
    static long firstPos(int seg) {
        return pos(seg, FileHeader.BYTES);
    }

    /** Appends {@code buf} at {@link #position()}. */
    void append(ByteBuffer buf) throws IOException {
        int n = buf.remaining();
        files.get(current).write(buf, end);
        end += n;
        readableEnd = end;
    }

    /** Starts a new segment; the current one must already be forced. */
    void roll() throws IOException {
        create(current + 1);
        current++;
        end = FileHeader.BYTES;
        readableEnd = end;
        publish();
    }

    void force() throws IOException {
        files.get(current).force();
    }

    /** Reads {@code dst.remaining()} bytes at packed position {@code pos}. */
    void read(long pos, ByteBuffer dst) throws IOException {
        ByteBuffer map = sealedMap(segment(pos));
        if (map != null) {
            long off = offset(pos);
            if (off + dst.remaining() > map.capacity()) {
                throw new java.io.EOFException(Kv.kv("file", fileName(pos), "pos", off, "missing",
                        off + dst.remaining() - map.capacity()));
            }
            int n = dst.remaining();
            map.get((int) off, dst.array(), dst.arrayOffset() + dst.position(), n);
            dst.position(dst.position() + n);
            return;
        }
        if (readActiveChunk(pos, dst)) {
            return;
        }
        handle(pos).readFully(dst, offset(pos));
    }

    /** Chunk size for maps of the segment being appended to. */
    static final int ACTIVE_CHUNK = 1 << 26;

    /** Maps of whole {@link #ACTIVE_CHUNK}s of the current segment that lie below its durable end. */
    private volatile ByteBuffer[] activeChunks = new ByteBuffer[0];
    private volatile int activeChunksSegment = -1;
    /** End of the current segment's data that readers may see (set after appends). */
    private volatile long readableEnd;

    /** Serves a read of the current segment from a mapped chunk if the range lies inside one. */
    private boolean readActiveChunk(long pos, ByteBuffer dst) throws IOException {
        int seg = segment(pos);
        long off = offset(pos);
        int n = dst.remaining();
        int idx = (int) (off / ACTIVE_CHUNK);
        if (seg != current || off + n > (long) (idx + 1) * ACTIVE_CHUNK
                || (long) (idx + 1) * ACTIVE_CHUNK > readableEnd) {
            return false;
        }
        ByteBuffer[] chunks = activeChunks;
        ByteBuffer c = activeChunksSegment == seg && idx < chunks.length ? chunks[idx] : null;
        if (c == null) {
            c = mapActiveChunk(seg, idx);
            if (c == null) {
                return false;
            }
        }
        c.get((int) (off - (long) idx * ACTIVE_CHUNK), dst.array(), dst.arrayOffset() + dst.position(), n);
        dst.position(dst.position() + n);
        return true;
    }

    private synchronized ByteBuffer mapActiveChunk(int seg, int idx) throws IOException {
        if (activeChunksSegment != seg) {
            activeChunks = new ByteBuffer[0];
            activeChunksSegment = seg;
        }
        ByteBuffer[] chunks = activeChunks;
        if (idx < chunks.length && chunks[idx] != null) {
            return chunks[idx];
        }
        FileHandle[] arr = bySegment;
        if (seg >= arr.length || arr[seg].size() < (long) (idx + 1) * ACTIVE_CHUNK) {
            return null;
        }
        ByteBuffer[] grown = java.util.Arrays.copyOf(chunks, Math.max(chunks.length, idx + 1));
        grown[idx] = arr[seg].mapReadOnly((long) idx * ACTIVE_CHUNK, ACTIVE_CHUNK);
        activeChunks = grown;
        return grown[idx];
    }

    /**
     * Reads up to {@code dst.remaining()} bytes at {@code pos} (fewer at the end of the segment's file); returns
     * how many.
     */
    int readSome(long pos, ByteBuffer dst) throws IOException {
        ByteBuffer map = sealedMap(segment(pos));
        if (map != null) {
            long off = offset(pos);
            int n = (int) Math.max(0, Math.min(dst.remaining(), map.capacity() - off));
            map.get((int) off, dst.array(), dst.arrayOffset() + dst.position(), n);
            dst.position(dst.position() + n);
            return n;
        }
        int before = dst.position();
        if (segment(pos) == current && offset(pos) + dst.remaining() <= readableEnd
                && readActiveChunk(pos, dst)) {
            return dst.position() - before;
        }
        int total = 0;
        FileHandle h = handle(pos);
        while (dst.hasRemaining()) {
            int n = h.read(dst, offset(pos) + total);
            if (n < 0) {
                break;
            }
            total += n;
        }
        return total;
    }

    /** The map of segment {@code seg} if it is sealed (not the one being appended to) and mappable. */
    private ByteBuffer sealedMap(int seg) throws IOException {
        ByteBuffer[] maps = sealedMaps;
        if (seg < maps.length && maps[seg] != null) {
            return maps[seg];
        }
        if (seg >= sealedCount) {
            return null;
        }
        return mapSealed(seg);
    }

    private synchronized ByteBuffer mapSealed(int seg) throws IOException {
        ByteBuffer[] maps = sealedMaps;
        if (seg < maps.length && maps[seg] != null) {
            return maps[seg];
        }
        FileHandle h = bySegment[seg];
        long size = h.size();
        if (size > Integer.MAX_VALUE) {
            return null;
        }
        ByteBuffer[] grown = java.util.Arrays.copyOf(maps, Math.max(maps.length, seg + 1));
        grown[seg] = h.mapReadOnly(0, (int) size);
        sealedMaps = grown;
        return grown[seg];
    }

    /** Size of the file holding {@code pos}'s segment, or -1 if there is no such segment. */
    long segmentSize(int seg) throws IOException {
        FileHandle[] arr = bySegment;
        return seg < arr.length ? arr[seg].size() : -1;
    }

    int segmentCount() {
        return bySegment.length;
    }

    FileHandle handle(long pos) throws CorruptLogException {
        int seg = segment(pos);
        FileHandle[] arr = bySegment;
        if (seg >= arr.length) {
            throw new CorruptLogException("position points past the last segment " + Kv.kv("segment", seg,
                    "segments", arr.length), dir.resolve("*" + suffix), offset(pos), 0);
        }
        return arr[seg];
    }

    private volatile String[] names = new String[0];

    /** File name of the segment holding {@code pos} (cached: called on every record read). */
    String fileName(long pos) {
        int seg = segment(pos);
        String[] n = names;
        if (seg < n.length && n[seg] != null) {
            return n[seg];
        }
        String name = String.format("%08d%s", seg, suffix);
        if (seg < 1 << 16) {
            String[] grown = java.util.Arrays.copyOf(n, Math.max(n.length, seg + 1));
            grown[seg] = name;
            names = grown;
        }
        return name;
    }

    /** Cuts the log at packed position {@code pos}: later segments are deleted and the end becomes {@code pos}. */
    void truncateTo(long pos) throws IOException {
        int seg = segment(pos);
        boolean deleted = false;
        while (current > seg) {
            FileHandle h = files.remove(current);
            h.close();
            io.delete(path(current));
            current--;
            deleted = true;
        }
        FileHandle h = files.get(seg);
        h.truncate(offset(pos));
        h.force();
        if (deleted) {
            io.syncDirectory(dir);
        }
        end = offset(pos);
        readableEnd = end;
        activeChunks = new ByteBuffer[0];
        activeChunksSegment = -1;
        publish();
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (FileHandle h : files.values()) {
            try {
                h.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        files.clear();
        if (first != null) {
            throw first;
        }
    }
}
