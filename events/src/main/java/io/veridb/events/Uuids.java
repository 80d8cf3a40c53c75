package io.veridb.events;

/**
 * Parses event UUIDs in the forms UmaDB accepts (hyphenated, 32 hex digits, braced, {@code urn:uuid:}) and
 * normalises them to lowercase hyphenated text.
 */
public final class Uuids {
    private static final String URN = "urn:uuid:";
    private static final int[] HYPHENS = {8, 13, 18, 23};

    private Uuids() {}

    /**
     * The normalised UUID, or null for an empty string (no UUID).
     *
     * @throws DcbException of kind DESERIALIZATION, {@code "Invalid UUID in Event"}, as UmaDB answers
     */
    public static String normalize(String text) {
        if (text.isEmpty()) {
            return null;
        }
        String body = text;
        if (body.length() == 38 && body.charAt(0) == '{' && body.charAt(37) == '}') {
            body = body.substring(1, 37);
        } else if (body.length() == 45 && body.startsWith(URN)) {
            body = body.substring(URN.length());
        }
        String hex = hexDigits(body);
        if (hex == null) {
            throw DcbException.deserialization("Invalid UUID in Event");
        }
        return hex.substring(0, 8) + '-' + hex.substring(8, 12) + '-' + hex.substring(12, 16) + '-'
                + hex.substring(16, 20) + '-' + hex.substring(20);
    }

    /** Whether {@code text} is already lowercase hyphenated. */
    public static boolean isNormalized(String text) {
        if (text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean hyphenSlot = i == 8 || i == 13 || i == 18 || i == 23;
            if (hyphenSlot ? c != '-' : !isLowerHex(c)) {
                return false;
            }
        }
        return true;
    }

    private static String hexDigits(String body) {
        String digits;
        if (body.length() == 36) {
            for (int h : HYPHENS) {
                if (body.charAt(h) != '-') {
                    return null;
                }
            }
            digits = body.replace("-", "");
        } else if (body.length() == 32) {
            digits = body;
        } else {
            return null;
        }
        if (digits.length() != 32) {
            return null;
        }
        StringBuilder out = new StringBuilder(32);
        for (int i = 0; i < 32; i++) {
            char c = Character.toLowerCase(digits.charAt(i));
            if (!isLowerHex(c)) {
                return null;
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean isLowerHex(char c) {
        return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'f');
    }
}
