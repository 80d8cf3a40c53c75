package io.veridb.proofs;

import java.util.HexFormat;

/**
 * The one {@code k=v} message helper of the project (house style rule 5): error messages name the offending value,
 * the limit and the place as {@code k1=v1 k2=v2 …}. Byte arrays print as hex, the first 32 bytes then the length.
 * Stateless and thread-safe.
 */
public final class KeyValues {

    private static final HexFormat HEX = HexFormat.of();
    private static final int MAX_HEX_BYTES = 32;

    private KeyValues() {}

    /** Renders {@code k1=v1 k2=v2 …}; needs an even number of arguments. */
    public static String kv(Object... keysAndValues) {
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

    /** One value as {@link #kv} prints it. */
    public static String str(Object value) {
        return value instanceof byte[] b ? hex(b) : String.valueOf(value);
    }

    /** Hex of up to 32 bytes; longer arrays end with {@code …(N bytes)}; {@code null} prints as "null". */
    public static String hex(byte[] bytes) {
        if (bytes == null) {
            return "null";
        }
        if (bytes.length <= MAX_HEX_BYTES) {
            return HEX.formatHex(bytes);
        }
        return HEX.formatHex(bytes, 0, MAX_HEX_BYTES) + "…(" + bytes.length + " bytes)";
    }
}
