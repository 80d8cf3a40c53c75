package io.veridb.ledger;

import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxMetadata;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;

/**
 * Owner of the transaction log format: segment files {@code NNNNNNNN.txlog}, one record per transaction in id
 * order, without gaps.
 *
 * <pre>
 * segment := FileHeader(magic "VDBTXLOG", version 2, aux = segment number) (record inline?)*
 * record  := bodyLen:u32 body crc:u32        ; crc = CRC32C(u64(txId) || u32(bodyLen) || body)
 * body    := flags:u8 ts:u64 version:u8 txmdLen:u16 txmd nentries:u16 [eH:32 iff nentries > 1]
 *            valuePos:u64 entry{nentries}
 * entry   := keyLen:u16 key mdLen:u8 md vLen:u32 hValue:32
 * flags   := bit 0 BATCH_END (last transaction of a group commit)
 *            bit 1 VALUES_INLINE (since version 2: the values follow the record in this log)
 * inline  := byte{sum of vLen}               ; only after a VALUES_INLINE record
 * </pre>
 *
 * All integers are big-endian. {@code txId} is not stored: it is the record's place in the log, and seeding the
 * CRC with it catches a record read for the wrong transaction. {@code valuePos} is a packed position
 * ({@link Segments#pos}) where the entry values lie back to back: in the value log, or for a VALUES_INLINE record
 * in this log right after the record's crc. Inline values, like the value log's, are checked by their hValue, not
 * by the crc, and keep small transactions to one forced file per group commit. Version 1 segments hold no inline
 * values and stay readable. A {@code bodyLen} of 0 marks the end of the written log. What the header needs beyond this ({@code prevAlh}, {@code blTxId = id − 1}, {@code blRoot}) is
 * derived from the node file; eH of a one-entry transaction is {@code leaf(digest)}.
 */
final class TxLogFormat {

    static final byte[] MAGIC = FileHeader.magic("VDBTXLOG");
    static final int VERSION = 2;
    /** The first segment version whose records may carry {@link #FLAG_VALUES_INLINE}. */
    static final int INLINE_VALUES_SINCE = 2;
    static final String SUFFIX = ".txlog";
    static final int FLAG_BATCH_END = 1;
    static final int FLAG_VALUES_INLINE = 2;
    /** Bytes around the body: bodyLen and crc. */
    static final int FRAME_BYTES = 8;
    /** Largest body accepted on read (a sanity bound well above 65535 entries of 64 KiB keys). */
    static final int MAX_BODY = 1 << 30;

    private static final int FIXED_BODY = 1 + 8 + 1 + 2 + 2 + 8;
    private static final int FIXED_ENTRY = 2 + 1 + 4 + Hashes.SIZE;

    private TxLogFormat() {}

    /** Encoded length of a record (frame included). */
    static int recordLength(int nentries, int txmdLen, long sumKeyAndMdLen) {
        long body = FIXED_BODY + txmdLen + (nentries > 1 ? Hashes.SIZE : 0)
                + (long) nentries * FIXED_ENTRY + sumKeyAndMdLen;
        return Math.toIntExact(body + FRAME_BYTES);
    }

    /** Writes the record of transaction {@code txId} at {@code out}'s position. */
    static void write(ByteBuffer out, long txId, TxRecord r) {
        int start = out.position();
        out.putInt(0);
        out.put((byte) r.flags()).putLong(r.ts()).put((byte) r.version());
        byte[] txmd = r.txMetadata().encode();
        out.putShort((short) txmd.length).put(txmd);
        int n = r.entries().size();
        out.putShort((short) n);
        if (n > 1) {
            out.put(r.storedEH());
        }
        out.putLong(r.valuePos());
        for (TxEntry e : r.entries()) {
            byte[] key = e.rawKey();
            KvMetadata md = e.metadata();
            out.putShort((short) key.length).put(key).put((byte) md.encodedLength());
            md.writeTo(out);
            out.putInt(e.vLen()).put(e.rawHValue());
        }
        int bodyLen = out.position() - start - 4;
        out.putInt(start, bodyLen);
        out.putInt(crc(txId, out, start, bodyLen));
    }

    private static int crc(long txId, ByteBuffer buf, int start, int bodyLen) {
        CRC32C crc = new CRC32C();
        ByteBuffer id = ByteBuffer.allocate(8).putLong(txId).flip();
        crc.update(id);
        ByteBuffer dup = buf.duplicate();
        dup.limit(start + 4 + bodyLen).position(start);
        crc.update(dup);
        return (int) crc.getValue();
    }

    /**
     * Decodes the record of {@code txId} from {@code in}, which holds the whole record from its position.
     *
     * @throws CorruptLogException on a bad length, CRC mismatch or malformed body
     */
    static TxRecord read(ByteBuffer in, long txId, String file, long offset) throws CorruptLogException {
        int start = in.position();
        int bodyLen = checkFrame(in, txId, file, offset);
        ByteBuffer b = in.duplicate();
        b.position(start + 4).limit(start + 4 + bodyLen);
        try {
            TxRecord r = decodeBody(b);
            if (b.hasRemaining()) {
                throw new IllegalArgumentException("trailing " + b.remaining() + " bytes");
            }
            in.position(start + FRAME_BYTES + bodyLen);
            return r;
        } catch (RuntimeException e) {
            throw new CorruptLogException("tx record body is malformed: " + e.getMessage(), file, offset, txId, e);
        }
    }

    /**
     * Where the value of entry {@code index} lies and what it must hash to, read from the record of {@code txId} in
     * {@code in} (as for {@link #read}) without decoding the other entries: a point read of one value of a large
     * transaction skips the allocation of every entry. The CRC covers the whole record, as in {@link #read}.
     *
     * @throws IllegalArgumentException if the transaction has no entry {@code index}
     * @throws CorruptLogException on a bad length, CRC mismatch or malformed body
     */
    static ValueRef readValueRef(ByteBuffer in, long txId, int index, String file, long offset)
            throws CorruptLogException {
        int start = in.position();
        int bodyLen = checkFrame(in, txId, file, offset);
        ByteBuffer b = in.duplicate();
        b.position(start + 4).limit(start + 4 + bodyLen);
        int n;
        boolean inline;
        try {
            inline = (b.get() & FLAG_VALUES_INLINE) != 0;
            b.position(b.position() + 8 + 1);
            int txmdLen = b.getShort() & 0xFFFF;
            b.position(b.position() + txmdLen);
            n = b.getShort() & 0xFFFF;
        } catch (RuntimeException e) {
            throw new CorruptLogException("tx record body is malformed: " + e.getMessage(), file, offset, txId, e);
        }
        if (index < 0 || index >= n) {
            throw new IllegalArgumentException(Kv.kv("entryIndex", index, "nentries", n, "tx", txId));
        }
        try {
            if (n > 1) {
                b.position(b.position() + Hashes.SIZE);
            }
            long pos = b.getLong();
            for (int i = 0; i < index; i++) {
                int keyLen = b.getShort() & 0xFFFF;
                b.position(b.position() + keyLen);
                int mdLen = b.get() & 0xFF;
                b.position(b.position() + mdLen);
                pos += b.getInt();
                b.position(b.position() + Hashes.SIZE);
            }
            int keyLen = b.getShort() & 0xFFFF;
            b.position(b.position() + keyLen);
            int mdLen = b.get() & 0xFF;
            b.position(b.position() + mdLen);
            int vLen = b.getInt();
            byte[] hValue = new byte[Hashes.SIZE];
            b.get(hValue);
            return new ValueRef(pos, vLen, hValue, inline);
        } catch (RuntimeException e) {
            throw new CorruptLogException("tx record body is malformed: " + e.getMessage(), file, offset, txId, e);
        }
    }

    /**
     * One entry's value as the record describes it.
     *
     * @param pos packed position of the value, in the value log or (inline) in the tx log
     * @param vLen stored value length
     * @param hValue SHA-256 of the stored value (owned by the caller; not copied)
     * @param inline whether the value lies in the tx log, after its record
     */
    record ValueRef(long pos, int vLen, byte[] hValue, boolean inline) {
        ValueRef {
            if (vLen < 0) {
                throw new IllegalArgumentException("vLen=" + vLen + ", want >= 0");
            }
        }
    }

    /**
     * How many inline value bytes follow the record at {@code in}'s position, read without checking its crc: 0 if
     * it does not keep its values inline, −1 if its body cannot be parsed. Recovery uses this to look past a damaged
     * record for the next one; a wrong answer only makes that look miss.
     */
    static long inlineValuesLengthUnchecked(ByteBuffer in) {
        try {
            int start = in.position();
            int bodyLen = in.getInt(start);
            ByteBuffer b = in.duplicate();
            b.position(start + 4).limit(start + 4 + bodyLen);
            TxRecord r = decodeBody(b);
            return r.valuesInline() ? r.valuesLength() : 0;
        } catch (RuntimeException e) {
            return -1;
        }
    }

    /** Checks the length and CRC of the record at {@code in}'s position; returns its body length. */
    private static int checkFrame(ByteBuffer in, long txId, String file, long offset) throws CorruptLogException {
        int start = in.position();
        int bodyLen = in.getInt(start);
        if (bodyLen < FIXED_BODY || bodyLen > in.remaining() - FRAME_BYTES) {
            throw new CorruptLogException("tx record " + Kv.kv("bodyLen", bodyLen, "available",
                    in.remaining() - FRAME_BYTES), file, offset, txId, null);
        }
        int stored = in.getInt(start + 4 + bodyLen);
        int actual = crc(txId, in, start, bodyLen);
        if (stored != actual) {
            throw new CorruptLogException("tx record " + Kv.kv("crcExpected", Integer.toHexString(stored),
                    "crcActual", Integer.toHexString(actual)), file, offset, txId, null);
        }
        return bodyLen;
    }

    private static TxRecord decodeBody(ByteBuffer b) {
        int flags = b.get() & 0xFF;
        long ts = b.getLong();
        int version = b.get() & 0xFF;
        byte[] txmd = new byte[b.getShort() & 0xFFFF];
        b.get(txmd);
        int n = b.getShort() & 0xFFFF;
        if (n < 1) {
            throw new IllegalArgumentException("nentries=0");
        }
        byte[] eH = null;
        if (n > 1) {
            eH = new byte[Hashes.SIZE];
            b.get(eH);
        }
        long valuePos = b.getLong();
        List<TxEntry> entries = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            byte[] key = new byte[b.getShort() & 0xFFFF];
            b.get(key);
            byte[] md = new byte[b.get() & 0xFF];
            b.get(md);
            int vLen = b.getInt();
            byte[] hValue = new byte[Hashes.SIZE];
            b.get(hValue);
            entries.add(new TxEntry(key, md.length == 0 ? KvMetadata.NONE : KvMetadata.decode(md), hValue, vLen));
        }
        return new TxRecord(flags, ts, version,
                txmd.length == 0 ? TxMetadata.EMPTY : TxMetadata.decode(txmd), eH, valuePos, entries);
    }
}
