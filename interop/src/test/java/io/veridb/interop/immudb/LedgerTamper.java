package io.veridb.interop.immudb;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.CRC32C;

/**
 * Changes bytes of a stopped VeriDB database directory the way an attacker with disk access would. It knows the
 * ledger's documented file grammar (ledger {@code TxLogFormat}, {@code ValueLogFormat}, {@code FileHeader}) and
 * nothing else:
 *
 * <pre>
 * NNNNNNNN.txlog := header:32 (record inline?)*   record := bodyLen:u32 body crc:u32
 *                   (crc = CRC32C(u64 txId ‖ u32 bodyLen ‖ body))
 * body   := flags:u8 ts:u64 version:u8 txmdLen:u16 txmd nentries:u16 [eH:32 iff nentries > 1] valuePos:u64 entry*
 * entry  := keyLen:u16 key mdLen:u8 md vLen:u32 hValue:32
 * flags  := bit 1 VALUES_INLINE: the stored values follow the record's crc in the tx log
 * inline := the record's stored values back to back
 * NNNNNNNN.vlog  := header:32 value*   (the other records' stored values; stored value = 0x00 ‖ user value)
 * </pre>
 *
 * Transaction ids start at 1 in the first tx segment. Only single-entry transactions are handled.
 */
final class LedgerTamper {

    private static final int FILE_HEADER = 32;
    private static final int FLAG_VALUES_INLINE = 2;

    private final Path txLog;
    private final Path valueLog;

    LedgerTamper(Path databaseDir) throws IOException {
        this.txLog = firstSegment(databaseDir, ".txlog");
        this.valueLog = firstSegment(databaseDir, ".vlog");
    }

    private static Path firstSegment(Path dir, String suffix) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            List<Path> found = s.filter(p -> p.getFileName().toString().endsWith(suffix)).sorted().toList();
            if (found.isEmpty()) {
                throw new IllegalStateException("no *" + suffix + " file under " + dir);
            }
            return found.get(0);
        }
    }

    /**
     * Where transaction {@code txId}'s record and its single entry lie in the tx log; {@code inline} says whether
     * its value follows the record there (else it is in the value log).
     */
    record Entry(long recordOffset, int bodyLen, long tsOffset, long vLenOffset, int vLen, long hValueOffset,
            byte[] hValue, boolean inline) {}

    Entry entry(long txId) throws IOException {
        try (FileChannel ch = FileChannel.open(txLog, StandardOpenOption.READ)) {
            long pos = FILE_HEADER;
            for (long id = 1; id < txId; id++) {
                pos = next(ch, pos);
            }
            int bodyLen = readInt(ch, pos);
            ByteBuffer body = read(ch, pos + 4, bodyLen);
            long bodyStart = pos + 4;
            int txmdLen = Short.toUnsignedInt(body.getShort(10));
            int at = 12 + txmdLen;
            int n = Short.toUnsignedInt(body.getShort(at));
            if (n != 1) {
                throw new IllegalStateException("tx " + txId + " has " + n + " entries, want 1 (" + txLog + ")");
            }
            at += 2 + 8;
            int keyLen = Short.toUnsignedInt(body.getShort(at));
            at += 2 + keyLen;
            int mdLen = Byte.toUnsignedInt(body.get(at));
            at += 1 + mdLen;
            int vLen = body.getInt(at);
            byte[] hValue = new byte[32];
            body.get(at + 4, hValue);
            boolean inline = (body.get(0) & FLAG_VALUES_INLINE) != 0;
            return new Entry(pos, bodyLen, bodyStart + 1, bodyStart + at, vLen, bodyStart + at + 4, hValue, inline);
        }
    }

    /** Where the record after the one at {@code pos} starts: after its crc and its inline values, if any. */
    private static long next(FileChannel ch, long pos) throws IOException {
        int bodyLen = readInt(ch, pos);
        ByteBuffer body = read(ch, pos + 4, bodyLen);
        long end = pos + 8 + bodyLen;
        if ((body.get(0) & FLAG_VALUES_INLINE) == 0) {
            return end;
        }
        int txmdLen = Short.toUnsignedInt(body.getShort(10));
        int at = 12 + txmdLen;
        int n = Short.toUnsignedInt(body.getShort(at));
        at += 2 + (n > 1 ? 32 : 0) + 8;
        for (int i = 0; i < n; i++) {
            int keyLen = Short.toUnsignedInt(body.getShort(at));
            at += 2 + keyLen;
            int mdLen = Byte.toUnsignedInt(body.get(at));
            at += 1 + mdLen;
            end += body.getInt(at);
            at += 4 + 32;
        }
        return end;
    }

    /** The file holding the value of {@code e}. */
    private Path valueFile(Entry e) {
        return e.inline() ? txLog : valueLog;
    }

    /** Flips one bit of the lowest timestamp byte of {@code txId}'s record; with {@code fixCrc} the CRC still matches. */
    void flipTimestampBit(long txId, boolean fixCrc) throws IOException {
        Entry e = entry(txId);
        try (FileChannel ch = FileChannel.open(txLog, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            flipBit(ch, e.tsOffset() + 7);
            if (fixCrc) {
                rewriteCrc(ch, txId, e);
            }
        }
    }

    /**
     * Flips one bit inside the stored value of {@code txId} (inline in the tx log or in the value log), found by
     * its unique {@code marker} (checked against the record's vLen and hValue first). Returns the file offset of the
     * flipped byte.
     */
    long flipValueBit(long txId, byte[] marker) throws IOException {
        Entry e = entry(txId);
        long valueStart = locateValue(e, marker);
        try (FileChannel ch = FileChannel.open(valueFile(e), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            flipBit(ch, valueStart + e.vLen() - 1);
        }
        return valueStart + e.vLen() - 1;
    }

    /**
     * A consistent forgery: changes the last byte of the value, writes the new value's SHA-256 into the record and
     * recomputes the record CRC, so that every server-side per-record check still passes. Returns the forged user
     * value (without the 0x00 prefix).
     */
    byte[] forgeValue(long txId, byte[] marker) throws IOException {
        Entry e = entry(txId);
        long valueStart = locateValue(e, marker);
        byte[] stored;
        try (FileChannel ch = FileChannel.open(valueFile(e), StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            stored = bytes(read(ch, valueStart, e.vLen()));
            stored[stored.length - 1] = (byte) (stored[stored.length - 1] == 'X' ? 'Y' : 'X');
            ch.write(ByteBuffer.wrap(stored), valueStart);
        }
        try (FileChannel ch = FileChannel.open(txLog, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(sha256(stored)), e.hValueOffset());
            rewriteCrc(ch, txId, e);
        }
        return Arrays.copyOfRange(stored, 1, stored.length);
    }

    private long locateValue(Entry e, byte[] marker) throws IOException {
        Path file = valueFile(e);
        byte[] log = Files.readAllBytes(file);
        int at = indexOf(log, marker);
        if (at < 1 || indexOf(Arrays.copyOfRange(log, at + 1, log.length), marker) >= 0) {
            throw new IllegalStateException("marker " + new String(marker, StandardCharsets.UTF_8)
                    + " found at " + at + " in " + file + ", want exactly once after a prefix byte");
        }
        long start = at - 1L;
        byte[] stored = Arrays.copyOfRange(log, (int) start, (int) start + e.vLen());
        boolean placed = !e.inline() || start == e.recordOffset() + 8 + e.bodyLen();
        if (!placed || stored[0] != 0 || !Arrays.equals(sha256(stored), e.hValue())) {
            throw new IllegalStateException("value at " + file + "@" + start + " does not match its record (vLen "
                    + e.vLen() + "): the ledger format is not the one this test knows");
        }
        return start;
    }

    private void rewriteCrc(FileChannel ch, long txId, Entry e) throws IOException {
        ByteBuffer framed = read(ch, e.recordOffset(), 4 + e.bodyLen());
        CRC32C crc = new CRC32C();
        crc.update(ByteBuffer.allocate(8).putLong(0, txId));
        crc.update(framed);
        ch.write(ByteBuffer.allocate(4).putInt(0, (int) crc.getValue()), e.recordOffset() + 4 + e.bodyLen());
    }

    private static void flipBit(FileChannel ch, long offset) throws IOException {
        ByteBuffer b = read(ch, offset, 1);
        b.put(0, (byte) (b.get(0) ^ 0x01));
        ch.write(b, offset);
    }

    private static int readInt(FileChannel ch, long offset) throws IOException {
        return read(ch, offset, 4).getInt(0);
    }

    private static ByteBuffer read(FileChannel ch, long offset, int len) throws IOException {
        ByteBuffer b = ByteBuffer.allocate(len);
        while (b.hasRemaining()) {
            if (ch.read(b, offset + b.position()) < 0) {
                throw new IllegalStateException("unexpected end of file at " + (offset + b.position()));
            }
        }
        return b.flip();
    }

    private static byte[] bytes(ByteBuffer b) {
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private static int indexOf(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }

    static byte[] sha256(byte[] b) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(b);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
