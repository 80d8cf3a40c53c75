package io.veridb.events;

import java.nio.charset.StandardCharsets;

/**
 * Records of the {@value EventIndex#NAME} secondary index (a RocksDB column family kept by the ledger). Keys
 * sort as unsigned bytes; positions are big-endian so rows are in position order. Rows are per transaction, so
 * an append of many events with the same tags writes a handful of rows, not one per event per tag.
 *
 * <pre>
 * 'P' u64 last                         → u64 txId  u16 firstEntry  u32 count     events last-count+1..last of a tx
 *                                                                                 are its entries firstEntry.. in order
 * 'G' u16 len  utf8 tag   u64 last     → {@link PostingRow}                       positions of one tx having the tag
 * 'Y' u16 len  utf8 type  u64 last     → {@link PostingRow}                       positions of one tx having the type
 * 'R' utf8 source                      → u64 position                             latest tracking position
 * </pre>
 *
 * {@code last} is the highest position the row covers, so a forward seek to {@code prefix ‖ p} lands on the first
 * row that can hold a position {@code >= p}.
 */
final class IndexKeys {
    static final byte LOCATION = 'P';
    static final byte TRACKING = 'R';

    private IndexKeys() {}

    static byte[] location(long lastPosition) {
        byte[] key = new byte[9];
        key[0] = LOCATION;
        LedgerKeys.putLong(key, 1, lastPosition);
        return key;
    }

    static byte[] locationValue(long txId, int firstEntry, int count) {
        byte[] value = new byte[14];
        LedgerKeys.putLong(value, 0, txId);
        value[8] = (byte) (firstEntry >>> 8);
        value[9] = (byte) firstEntry;
        value[10] = (byte) (count >>> 24);
        value[11] = (byte) (count >>> 16);
        value[12] = (byte) (count >>> 8);
        value[13] = (byte) count;
        return value;
    }

    static long locationTx(byte[] value) {
        return LedgerKeys.getLong(value, 0);
    }

    static int locationFirstEntry(byte[] value) {
        return (value[8] & 0xFF) << 8 | (value[9] & 0xFF);
    }

    static int locationCount(byte[] value) {
        return (value[10] & 0xFF) << 24 | (value[11] & 0xFF) << 16 | (value[12] & 0xFF) << 8 | (value[13] & 0xFF);
    }

    /** The prefix of one posting list: kind, length, name. */
    static byte[] postingPrefix(PostingKind kind, String name) {
        byte[] n = name.getBytes(StandardCharsets.UTF_8);
        byte[] prefix = new byte[3 + n.length];
        prefix[0] = kind.code;
        prefix[1] = (byte) (n.length >>> 8);
        prefix[2] = (byte) n.length;
        System.arraycopy(n, 0, prefix, 3, n.length);
        return prefix;
    }

    /** {@code prefix ‖ u64 position}. */
    static byte[] posting(byte[] prefix, long position) {
        byte[] key = new byte[prefix.length + 8];
        System.arraycopy(prefix, 0, key, 0, prefix.length);
        LedgerKeys.putLong(key, prefix.length, position);
        return key;
    }

    /** The trailing u64 of a location or posting key: the last position the row covers. */
    static long lastPosition(byte[] key) {
        return LedgerKeys.getLong(key, key.length - 8);
    }

    static byte[] tracking(String source) {
        byte[] s = source.getBytes(StandardCharsets.UTF_8);
        byte[] key = new byte[1 + s.length];
        key[0] = TRACKING;
        System.arraycopy(s, 0, key, 1, s.length);
        return key;
    }

    static byte[] position(long position) {
        byte[] value = new byte[8];
        LedgerKeys.putLong(value, 0, position);
        return value;
    }
}
