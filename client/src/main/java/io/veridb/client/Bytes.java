package io.veridb.client;

import java.util.HexFormat;
import java.util.Objects;

/** Small byte-array helpers shared by the value types. */
final class Bytes {

    static final byte[] EMPTY = new byte[0];
    private static final HexFormat HEX = HexFormat.of();

    private Bytes() {}

    /** A copy of {@code b}; {@code name} is used in the null message. */
    static byte[] copy(String name, byte[] b) {
        return Objects.requireNonNull(b, name).clone();
    }

    /** Lowercase hex. */
    static String hex(byte[] b) {
        return HEX.formatHex(b);
    }

    /** Parses lowercase or uppercase hex. */
    static byte[] unhex(String s) {
        return HEX.parseHex(s);
    }

    /** Hex for short values, hex prefix and length for long ones (keeps messages readable). */
    static String brief(byte[] b) {
        return b.length <= 64 ? hex(b) : HEX.formatHex(b, 0, 32) + "...(" + b.length + " bytes)";
    }
}
