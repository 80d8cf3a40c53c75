package io.veridb.ledger;

import java.io.IOException;
import java.nio.ByteBuffer;

/**
 * Reads tx records one after another from a position, with a large buffer (recovery, verifier), stepping over
 * the inline values that follow a record (their checks are {@link LogStore#checkValues}'s). Crosses into the next
 * segment when a segment's file ends exactly at a record boundary. Not thread-safe.
 */
final class LogScanner {

    private static final int BUFFER = 1 << 20;

    private final Segments log;
    private long pos;
    private long nextTxId;
    private long recordPos;
    private long recordEnd;
    private ByteBuffer buf = ByteBuffer.allocate(BUFFER).limit(0);
    private long bufPos = -1;

    LogScanner(Segments log, long startPos, long firstTxId) {
        this.log = log;
        this.pos = startPos;
        this.nextTxId = firstTxId;
    }

    /** Position of the next record (after a clean end: where the log ends). */
    long position() {
        return pos;
    }

    /** Position of the record {@link #next()} returned last. */
    long recordPos() {
        return recordPos;
    }

    /** Position right after the crc of the record {@link #next()} returned last: where inline values start. */
    long recordEnd() {
        return recordEnd;
    }

    /** Id the next record must have. */
    long nextTxId() {
        return nextTxId;
    }

    /**
     * The next record, or null at a clean end of the log (the last segment's file ends at a record boundary). A
     * record's inline values are not read: a log torn inside them shows when they are checked.
     *
     * @throws CorruptLogException if the record is cut short or fails its checks (position is then unchanged)
     */
    TxRecord next() throws IOException {
        long size = log.segmentSize(Segments.segment(pos));
        while (Segments.offset(pos) >= size) {
            if (Segments.segment(pos) + 1 >= log.segmentCount()) {
                return null;
            }
            pos = Segments.firstPos(Segments.segment(pos) + 1);
            size = log.segmentSize(Segments.segment(pos));
        }
        String file = log.fileName(pos);
        long off = Segments.offset(pos);
        long avail = size - off;
        if (avail < 4) {
            throw new CorruptLogException("tx record length is cut short " + Kv.kv("available", avail), file, off,
                    nextTxId, null);
        }
        fill(4, size);
        int bodyLen = buf.getInt(buf.position());
        if (bodyLen <= 0 || bodyLen > TxLogFormat.MAX_BODY || bodyLen + (long) TxLogFormat.FRAME_BYTES > avail) {
            throw new CorruptLogException("tx record " + Kv.kv("bodyLen", bodyLen, "available", avail), file, off,
                    nextTxId, null);
        }
        int len = bodyLen + TxLogFormat.FRAME_BYTES;
        fill(len, size);
        ByteBuffer rec = buf.duplicate();
        rec.limit(rec.position() + len);
        TxRecord r = TxLogFormat.read(rec, nextTxId, file, off);
        buf.position(buf.position() + len);
        recordPos = pos;
        recordEnd = pos + len;
        pos = recordEnd + (r.valuesInline() ? r.valuesLength() : 0);
        nextTxId++;
        return r;
    }

    /** Makes {@code n} bytes at {@code pos} available at {@code buf.position()}. */
    private void fill(int n, long segSize) throws IOException {
        if (bufPos >= 0 && Segments.segment(bufPos) == Segments.segment(pos) && pos >= bufPos
                && pos + n <= bufPos + buf.limit()) {
            buf.position((int) (pos - bufPos));
            return;
        }
        int cap = Math.max(BUFFER, n);
        if (buf.capacity() < cap) {
            buf = ByteBuffer.allocate(cap);
        }
        buf.clear();
        long want = Math.min(buf.capacity(), segSize - Segments.offset(pos));
        buf.limit((int) want);
        log.read(pos, buf);
        buf.flip();
        bufPos = pos;
    }
}
