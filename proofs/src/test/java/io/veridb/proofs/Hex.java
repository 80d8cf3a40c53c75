package io.veridb.proofs;

import java.util.HexFormat;

final class Hex {
    private Hex() {}

    /** Parses hex, ignoring spaces. */
    static byte[] b(String hex) {
        return HexFormat.of().parseHex(hex.replace(" ", ""));
    }

    static String s(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    static byte[] concat(byte[]... parts) {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }
}
