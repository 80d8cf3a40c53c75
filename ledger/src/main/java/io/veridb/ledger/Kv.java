package io.veridb.ledger;

import java.util.HexFormat;

/** The one {@code k=v} message helper of this package (house style rule 5). */
final class Kv {

    private static final HexFormat HEX = HexFormat.of();

    private Kv() {}

    /** Renders {@code k1=v1 k2=v2 …}; byte arrays print as hex (the first 32 bytes, then an ellipsis). */
    static String kv(Object... keysAndValues) {
        if (keysAndValues.length % 2 != 0) {
            throw new IllegalArgumentException("kv needs pairs, got " + keysAndValues.length + " items");
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            if (i > 0) {
                sb.append(' ');
            }
            sb.append(keysAndValues[i]).append('=').append(str(keysAndValues[i + 1]));
        }
        return sb.toString();
    }

    static String str(Object value) {
        if (value instanceof byte[] b) {
            return hex(b);
        }
        return String.valueOf(value);
    }

    static String hex(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        if (bytes.length <= 32) {
            return HEX.formatHex(bytes);
        }
        return HEX.formatHex(bytes, 0, 32) + "…(" + bytes.length + " bytes)";
    }
}
