package io.veridb.ledger;

import io.veridb.proofs.KvMetadata;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * Owner of the key-index record layout in RocksDB (column families of the {@code index/} directory).
 *
 * <pre>
 * latest  : key                          -> txId:u64 entryIndex:u16 revision:u64 md      ; newest version
 * history : u16(len(key)) key u64(rev)   -> txId:u64 entryIndex:u16 md                   ; older versions
 * default : "indexed"                    -> u64 txId                 ; key index holds transactions 1…txId
 *           "sx:" name                   -> u64 txId                 ; same, per secondary index
 * sx.NAME : whatever secondary index NAME writes
 * </pre>
 *
 * {@code md} is the encoded entry metadata (possibly empty). A key's newest version lives only in {@code latest};
 * when it is overwritten, the old one moves to {@code history}, so a key written once costs one record. Keys in
 * {@code latest} are the raw stored keys, so ordered scans over latest versions are plain iterator walks.
 * RocksDB's own files carry their checksums; the whole index is derived from the log and rebuilt by replay.
 */
final class IndexCodec {

    static final String CF_LATEST = "latest";
    static final String CF_HISTORY = "history";
    static final String CF_SECONDARY_PREFIX = "sx.";
    static final byte[] MARKER = "indexed".getBytes(StandardCharsets.US_ASCII);
    /** Format version of this layout, stored under {@link #FORMAT_KEY}. */
    static final long FORMAT_VERSION = 1;
    static final byte[] FORMAT_KEY = "format".getBytes(StandardCharsets.US_ASCII);

    private IndexCodec() {}

    static byte[] secondaryMarker(String name) {
        return ("sx:" + name).getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] u64(long v) {
        return ByteBuffer.allocate(8).putLong(v).array();
    }

    static long u64(byte[] b) {
        return ByteBuffer.wrap(b).getLong();
    }

    /** Longest {@code latest} value: txId, entryIndex, revision and the longest metadata. */
    static final int MAX_LATEST_VALUE = 18 + KvMetadata.MAX_ENCODED_LENGTH;

    static byte[] latestValue(KeyVersion v) {
        byte[] out = new byte[MAX_LATEST_VALUE];
        int len = latestValue(out, v.txId(), v.entryIndex(), v.revision(), v.metadata());
        return java.util.Arrays.copyOf(out, len);
    }

    /** Writes a {@code latest} value into {@code out} (at least {@link #MAX_LATEST_VALUE} bytes); returns its length. */
    static int latestValue(byte[] out, long txId, int entryIndex, long revision, KvMetadata metadata) {
        byte[] md = metadata.encode();
        ByteBuffer.wrap(out).putLong(txId).putShort((short) entryIndex).putLong(revision).put(md);
        return 18 + md.length;
    }

    static KeyVersion decodeLatest(byte[] key, byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        long txId = b.getLong();
        int idx = b.getShort() & 0xFFFF;
        long rev = b.getLong();
        return new KeyVersion(key, txId, idx, rev, md(b));
    }

    static byte[] historyKey(byte[] key, long revision) {
        return ByteBuffer.allocate(2 + key.length + 8).putShort((short) key.length).put(key).putLong(revision)
                .array();
    }

    static long historyRevision(byte[] hkey) {
        return ByteBuffer.wrap(hkey, hkey.length - 8, 8).getLong();
    }

    static byte[] historyValue(KeyVersion v) {
        return historyValue(v.txId(), v.entryIndex(), v.metadata());
    }

    static byte[] historyValue(long txId, int entryIndex, KvMetadata metadata) {
        byte[] md = metadata.encode();
        return ByteBuffer.allocate(10 + md.length).putLong(txId).putShort((short) entryIndex).put(md).array();
    }

    static KeyVersion decodeHistory(byte[] key, long revision, byte[] value) {
        ByteBuffer b = ByteBuffer.wrap(value);
        long txId = b.getLong();
        int idx = b.getShort() & 0xFFFF;
        return new KeyVersion(key, txId, idx, revision, md(b));
    }

    private static KvMetadata md(ByteBuffer b) {
        if (!b.hasRemaining()) {
            return KvMetadata.NONE;
        }
        byte[] md = new byte[b.remaining()];
        b.get(md);
        return KvMetadata.decode(md);
    }

    /** The smallest key greater than every key starting with {@code prefix}, or null if there is none. */
    static byte[] prefixEnd(byte[] prefix) {
        for (int i = prefix.length - 1; i >= 0; i--) {
            if (prefix[i] != (byte) 0xFF) {
                byte[] out = java.util.Arrays.copyOf(prefix, i + 1);
                out[i]++;
                return out;
            }
        }
        return null;
    }

    static boolean startsWith(byte[] key, byte[] prefix) {
        return key.length >= prefix.length && java.util.Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
    }
}
