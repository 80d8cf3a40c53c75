package io.veridb.events;

import java.nio.charset.StandardCharsets;

/**
 * Records of the {@value EventIndex#NAME} secondary index (a RocksDB column family kept by the ledger). Keys
 * sort as unsigned bytes; positions are big-endian so posting lists are in position order.
 *
 * <pre>
 * 'P' u64 position                       → u64 txId  u16 entryIndex     where each event lives
 * 'G' u16 len  utf8 tag   u64 position   → (empty)                      tag posting lists
 * 'Y' u16 len  utf8 type  u64 position   → (empty)                      type posting lists
 * 'R' utf8 source                        → u64 position                 latest tracking position
 * </pre>
 */
final class IndexKeys {
    static final byte LOCATION = 'P';
    static final byte TRACKING = 'R';

    private IndexKeys() {}

    static byte[] location(long position) {
        byte[] key = new byte[9];
        key[0] = LOCATION;
        LedgerKeys.putLong(key, 1, position);
        return key;
    }

    static byte[] locationValue(long txId, int entryIndex) {
        byte[] value = new byte[10];
        LedgerKeys.putLong(value, 0, txId);
        value[8] = (byte) (entryIndex >>> 8);
        value[9] = (byte) entryIndex;
        return value;
    }

    static long locationTx(byte[] value) {
        return LedgerKeys.getLong(value, 0);
    }

    static int locationEntry(byte[] value) {
        return (value[8] & 0xFF) << 8 | (value[9] & 0xFF);
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

    static long postingPosition(byte[] key) {
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
