package io.veridb.ledger;

import io.veridb.proofs.AppendOnlyTree;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.TreeNodes;
import io.veridb.proofs.TxHeader;
import java.io.Closeable;
import java.io.EOFException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The files of one ledger directory except the index: tx log, value log, node file, offsets and checkpoint.
 * Reads are thread-safe and check what they read (record CRCs, value hashes); appends belong to the writer.
 */
final class LogStore implements Closeable {

    static final String TX_DIR = "tx";
    static final String VALUE_DIR = "val";

    final Path dir;
    final Segments txLog;
    final Segments valueLog;
    final NodeStore nodes;
    final TxOffsets offsets;
    final Checkpoint checkpoint;

    private LogStore(Path dir, Segments txLog, Segments valueLog, NodeStore nodes, TxOffsets offsets,
            Checkpoint checkpoint) {
        this.dir = dir;
        this.txLog = txLog;
        this.valueLog = valueLog;
        this.nodes = nodes;
        this.offsets = offsets;
        this.checkpoint = checkpoint;
    }

    static LogStore open(FileIO io, Path dir, boolean readOnly) throws IOException {
        if (!readOnly) {
            io.createDirectories(dir.resolve(TX_DIR));
            io.createDirectories(dir.resolve(VALUE_DIR));
        }
        List<Closeable> opened = new ArrayList<>();
        try {
            Segments tx = Segments.open(io, dir.resolve(TX_DIR), TxLogFormat.SUFFIX, TxLogFormat.MAGIC,
                    TxLogFormat.VERSION, readOnly);
            opened.add(tx);
            Segments val = Segments.open(io, dir.resolve(VALUE_DIR), ValueLogFormat.SUFFIX, ValueLogFormat.MAGIC,
                    ValueLogFormat.VERSION, readOnly);
            opened.add(val);
            NodeStore nodes = NodeStore.open(io, dir, readOnly);
            opened.add(nodes);
            TxOffsets offsets = TxOffsets.open(io, dir, readOnly);
            opened.add(offsets);
            Checkpoint cp = Checkpoint.open(io, dir, readOnly);
            return new LogStore(dir, tx, val, nodes, offsets, cp);
        } catch (IOException | RuntimeException e) {
            for (Closeable c : opened) {
                try {
                    c.close();
                } catch (IOException suppressed) {
                    e.addSuppressed(suppressed);
                }
            }
            throw e;
        }
    }

    /** Reads and checks the record of transaction {@code txId} at packed tx-log position {@code pos}. */
    TxRecord recordAt(long txId, long pos) throws IOException {
        return TxLogFormat.read(recordBytes(txId, pos), txId, txLog.fileName(pos), Segments.offset(pos));
    }

    /** The bytes of the record at {@code pos}, frame included (length checked, CRC not yet). */
    private ByteBuffer recordBytes(long txId, long pos) throws IOException {
        String file = txLog.fileName(pos);
        long off = Segments.offset(pos);
        try {
            ByteBuffer head = ByteBuffer.allocate(512);
            int got = txLog.readSome(pos, head);
            if (got < TxLogFormat.FRAME_BYTES) {
                throw new CorruptLogException("tx record is cut short " + Kv.kv("available", got), file, off, txId,
                        null);
            }
            head.flip();
            int bodyLen = head.getInt(0);
            if (bodyLen <= 0 || bodyLen > TxLogFormat.MAX_BODY) {
                throw new CorruptLogException("tx record " + Kv.kv("bodyLen", bodyLen), file, off, txId, null);
            }
            ByteBuffer full = head;
            if (bodyLen + TxLogFormat.FRAME_BYTES > head.limit()) {
                full = ByteBuffer.allocate(bodyLen + TxLogFormat.FRAME_BYTES);
                txLog.read(pos, full);
                full.flip();
            }
            return full;
        } catch (EOFException e) {
            throw new CorruptLogException("tx record is cut short", file, off, txId, e);
        }
    }

    TxRecord record(long txId) throws IOException {
        long pos = offsets.get(txId);
        try {
            return recordAt(txId, pos);
        } catch (CorruptLogException e) {
            throw atOffsetsSlot(txId, e);
        }
    }

    private CorruptLogException atOffsetsSlot(long txId, CorruptLogException e) {
        return new CorruptLogException(e.detail() + "; position read from " + TxOffsets.FILE + "@"
                + offsets.offsetOf(txId), e.file(), e.offset(), txId, e);
    }

    /** The full header of committed transaction {@code txId}, derived fields read from the node file. */
    TxHeader header(long txId, TxRecord r) {
        return header(txId, r, nodes.alh(txId - 1), nodes);
    }

    /** The header of {@code txId} given its record, the previous Alh and a tree holding at least txId−1 leaves. */
    static TxHeader header(long txId, TxRecord r, byte[] prevAlh, TreeNodes tree) {
        byte[] blRoot = txId == 1 ? Hashes.zero() : AppendOnlyTree.root(tree, txId - 1);
        return new TxHeader(txId, prevAlh, r.ts(), r.version(), r.txMetadata(), r.entries().size(), r.eH(),
                txId - 1, blRoot);
    }

    /** Reads value {@code index} of {@code r} (transaction {@code txId}) and checks its hash. */
    byte[] value(long txId, TxRecord r, int index) throws IOException {
        TxEntry e = r.entries().get(index);
        return checkedValue(txId, index, valuesOf(r.valuesInline()), r.valuePos(index), e.vLen(), e.rawHValue());
    }

    /**
     * Reads value {@code index} of transaction {@code txId} and checks its hash, decoding only that entry of the
     * record (the point-read path).
     *
     * @throws IllegalArgumentException if the transaction has no entry {@code index}
     */
    byte[] value(long txId, int index) throws IOException {
        long pos = offsets.get(txId);
        TxLogFormat.ValueRef ref;
        try {
            ref = TxLogFormat.readValueRef(recordBytes(txId, pos), txId, index, txLog.fileName(pos),
                    Segments.offset(pos));
        } catch (CorruptLogException e) {
            throw atOffsetsSlot(txId, e);
        }
        return checkedValue(txId, index, valuesOf(ref.inline()), ref.pos(), ref.vLen(), ref.hValue());
    }

    /** The log a record's values lie in: the tx log itself for inline values. */
    private Segments valuesOf(boolean inline) {
        return inline ? txLog : valueLog;
    }

    private static byte[] checkedValue(long txId, int index, Segments log, long pos, int vLen, byte[] hValue)
            throws IOException {
        byte[] v = new byte[vLen];
        try {
            log.read(pos, ByteBuffer.wrap(v));
        } catch (EOFException ex) {
            throw new CorruptLogException("value is cut short " + Kv.kv("entry", index, "vLen", vLen),
                    log.fileName(pos), Segments.offset(pos), txId, ex);
        }
        byte[] h = sha256(v);
        if (!Arrays.equals(h, hValue)) {
            throw new CorruptLogException("value hash mismatch " + Kv.kv("entry", index, "hValue", hValue,
                    "actual", h), log.fileName(pos), Segments.offset(pos), txId, null);
        }
        return v;
    }

    /** All values of {@code r}, checked, as entries. */
    List<EntrySpec> entriesWithValues(long txId, TxRecord r) throws IOException {
        List<EntrySpec> out = new ArrayList<>(r.entries().size());
        for (int i = 0; i < r.entries().size(); i++) {
            TxEntry e = r.entries().get(i);
            out.add(new EntrySpec(e.rawKey(), value(txId, r, i), e.metadata()));
        }
        return out;
    }

    /**
     * Checks that the values of {@code r} (whose record spans {@code recordPos} to {@code recordEnd}) lie where
     * they must and hash right: inline values right after the record, others where the value log continues
     * ({@code expected}). Returns where the value log continues after them.
     */
    long checkValues(long id, long recordPos, long recordEnd, TxRecord r, long expected) throws IOException {
        long vp = r.valuePos();
        boolean inline = r.valuesInline();
        boolean rolled = !inline && Segments.segment(vp) == Segments.segment(expected) + 1
                && Segments.offset(vp) == FileHeader.BYTES && Segments.segment(vp) < valueLog.segmentCount();
        long want = inline ? recordEnd : expected;
        if (vp != want && !rolled) {
            throw new CorruptLogException((inline ? "inline values are not right after their record "
                    : "values are not where the value log continues ") + Kv.kv("valuePos", Long.toHexString(vp),
                    "expected", Long.toHexString(want)), txLog.fileName(recordPos), Segments.offset(recordPos), id,
                    null);
        }
        Segments log = valuesOf(inline);
        long total = r.valuesLength();
        byte[] all = new byte[Math.toIntExact(total)];
        try {
            log.read(vp, ByteBuffer.wrap(all));
        } catch (EOFException e) {
            throw new CorruptLogException("values are cut short " + Kv.kv("bytes", total),
                    log.fileName(vp), Segments.offset(vp), id, e);
        }
        int off = 0;
        for (int i = 0; i < r.entries().size(); i++) {
            TxEntry e = r.entries().get(i);
            byte[] h = LogStore.sha256(Arrays.copyOfRange(all, off, off + e.vLen()));
            if (!Arrays.equals(h, e.rawHValue())) {
                throw new CorruptLogException("value hash mismatch " + Kv.kv("entry", i, "hValue", e.rawHValue(),
                        "actual", h), log.fileName(vp), Segments.offset(vp) + off, id, null);
            }
            off += e.vLen();
        }
        return inline ? expected : vp + total;
    }

    static byte[] sha256(byte[] data) {
        return Hashes.sha256(data);
    }

    @Override
    public void close() throws IOException {
        IOException first = null;
        for (Closeable c : new Closeable[] {txLog, valueLog, nodes, offsets, checkpoint}) {
            try {
                c.close();
            } catch (IOException e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
