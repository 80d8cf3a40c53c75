package io.veridb.client;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32C;

/**
 * The one text format of the files a {@link FileStateStore} writes: a magic line, {@code key=value} lines and a
 * CRC32C footer over every byte before it. UTF-8, {@code \n} line ends.
 *
 * <pre>
 * file   = "veridb-client-state 1\n" *( key "=" value "\n" ) "crc32c=" 8HEXDIG "\n"
 * key    = 1*( ALPHA / DIGIT / "_" / "." )          ; unique
 * value  = *( any character except "\n" )           ; values with "\n" are rejected when writing
 * </pre>
 *
 * A state file holds {@code server}, {@code database}, {@code txId} (decimal), {@code alh} and {@code signature}
 * (lowercase hex); the identity file holds {@code pin.<n>.address} and {@code pin.<n>.uuid} pairs.
 */
final class StateFileFormat {

    static final String MAGIC = "veridb-client-state 1";
    static final String CRC_KEY = "crc32c";

    private StateFileFormat() {}

    /** The file bytes for {@code fields}, in iteration order. */
    static byte[] write(Map<String, String> fields) {
        StringBuilder sb = new StringBuilder(MAGIC).append('\n');
        for (Map.Entry<String, String> f : fields.entrySet()) {
            if (!f.getKey().matches("[A-Za-z0-9_.]+") || f.getKey().equals(CRC_KEY)) {
                throw new IllegalArgumentException("state file key=" + f.getKey() + " is not allowed");
            }
            if (f.getValue().indexOf('\n') >= 0 || f.getValue().indexOf('\r') >= 0) {
                throw new IllegalArgumentException("state file value of " + f.getKey() + " contains a line break");
            }
            sb.append(f.getKey()).append('=').append(f.getValue()).append('\n');
        }
        byte[] body = sb.toString().getBytes(StandardCharsets.UTF_8);
        String footer = CRC_KEY + "=" + HexFormat.of().toHexDigits((int) crc(body, body.length)) + "\n";
        byte[] out = new byte[body.length + footer.length()];
        System.arraycopy(body, 0, out, 0, body.length);
        System.arraycopy(footer.getBytes(StandardCharsets.UTF_8), 0, out, body.length, footer.length());
        return out;
    }

    /**
     * Parses and checks a file.
     *
     * @param name the file name, for messages
     * @throws IllegalArgumentException on a wrong magic, a bad line, a duplicate key or a CRC mismatch; the
     *     message names the file and the offset or the expected and actual CRC
     */
    static Map<String, String> read(String name, byte[] bytes) {
        int footerStart = lastLineStart(bytes);
        String footer = new String(bytes, footerStart, bytes.length - footerStart, StandardCharsets.UTF_8);
        String prefix = CRC_KEY + "=";
        if (!footer.startsWith(prefix) || !footer.endsWith("\n") || footer.length() != prefix.length() + 9) {
            throw new IllegalArgumentException("state file " + name + ": missing crc32c footer at offset "
                    + footerStart + " (length " + bytes.length + ")");
        }
        long expected = Long.parseLong(footer.substring(prefix.length(), prefix.length() + 8), 16);
        long actual = crc(bytes, footerStart);
        if (expected != actual) {
            throw new IllegalArgumentException("state file " + name + ": crc32c expected="
                    + Long.toHexString(expected) + " actual=" + Long.toHexString(actual));
        }
        String body = new String(bytes, 0, footerStart, StandardCharsets.UTF_8);
        String[] lines = body.split("\n", -1);
        if (lines.length < 2 || !lines[0].equals(MAGIC)) {
            throw new IllegalArgumentException("state file " + name + ": magic expected='" + MAGIC + "' actual='"
                    + (lines.length > 0 ? lines[0] : "") + "'");
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 1; i < lines.length - 1; i++) {
            int eq = lines[i].indexOf('=');
            if (eq <= 0) {
                throw new IllegalArgumentException("state file " + name + ": line " + (i + 1) + " has no key=value");
            }
            if (fields.put(lines[i].substring(0, eq), lines[i].substring(eq + 1)) != null) {
                throw new IllegalArgumentException("state file " + name + ": duplicate key on line " + (i + 1));
            }
        }
        return fields;
    }

    private static int lastLineStart(byte[] bytes) {
        if (bytes.length == 0) {
            return 0;
        }
        int i = bytes.length - 2;
        while (i >= 0 && bytes[i] != '\n') {
            i--;
        }
        return i + 1;
    }

    private static long crc(byte[] bytes, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, 0, length);
        return crc.getValue();
    }
}
