package io.veridb.ledger;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.zip.CRC32C;

/**
 * The 32-byte header that starts every ledger file. Each format owner class picks its own magic and version and
 * documents what {@code aux} means for it.
 *
 * <pre>
 * header := magic:8 version:u32 aux:u64 reserved:8 (zeros) crc:u32     ; crc = CRC32C(first 28 bytes)
 * </pre>
 */
final class FileHeader {

    static final int BYTES = 32;
    private static final int CRC_OFFSET = 28;

    private FileHeader() {}

    static byte[] magic(String eightAscii) {
        byte[] m = eightAscii.getBytes(StandardCharsets.US_ASCII);
        if (m.length != 8) {
            throw new IllegalArgumentException("magic must be 8 ASCII bytes, got " + eightAscii);
        }
        return m;
    }

    /** The header bytes, ready to be written at offset 0. */
    static ByteBuffer write(byte[] magic, int version, long aux) {
        ByteBuffer b = ByteBuffer.allocate(BYTES);
        b.put(magic).putInt(version).putLong(aux).putLong(0);
        CRC32C crc = new CRC32C();
        crc.update(b.array(), 0, CRC_OFFSET);
        b.putInt((int) crc.getValue());
        return b.flip();
    }

    /** The version field of a header (read at absolute offsets; {@link #check} it first). */
    static int version(ByteBuffer header) {
        return header.getInt(8);
    }

    /**
     * Checks a header read from {@code file} and returns its {@code aux} value. Every version from 1 up to
     * {@code version} is accepted: a format owner keeps reading the files its older versions wrote.
     *
     * @throws CorruptLogException on a wrong magic, a CRC mismatch or an unknown version
     */
    static long check(ByteBuffer header, byte[] magic, int version, String file) throws CorruptLogException {
        if (header.remaining() < BYTES) {
            throw new CorruptLogException("header has " + header.remaining() + " bytes, want " + BYTES, file, 0, 0, null);
        }
        byte[] b = new byte[BYTES];
        header.get(b);
        CRC32C crc = new CRC32C();
        crc.update(b, 0, CRC_OFFSET);
        int stored = ByteBuffer.wrap(b, CRC_OFFSET, 4).getInt();
        if (stored != (int) crc.getValue()) {
            throw new CorruptLogException("header " + Kv.kv("crcExpected", Integer.toHexString(stored),
                    "crcActual", Integer.toHexString((int) crc.getValue())), file, 0, 0, null);
        }
        if (!Arrays.equals(b, 0, 8, magic, 0, 8)) {
            throw new CorruptLogException("header " + Kv.kv("magic", Arrays.copyOf(b, 8), "want", magic), file, 0, 0, null);
        }
        int v = ByteBuffer.wrap(b, 8, 4).getInt();
        if (v < 1 || v > version) {
            throw new CorruptLogException("header " + Kv.kv("version", v, "want", "1.." + version), file, 0, 0,
                    null);
        }
        return ByteBuffer.wrap(b, 12, 8).getLong();
    }
}
