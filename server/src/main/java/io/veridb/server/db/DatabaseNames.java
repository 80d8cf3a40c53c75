package io.veridb.server.db;

import java.util.Locale;

/** immudb's database-name rules: 1–128 characters of {@code [a-z0-9_]} after lower-casing. */
public final class DatabaseNames {
    public static final String SYSTEM_DB = "systemdb";
    public static final String DEFAULT_DB = "defaultdb";
    static final int MAX_LENGTH = 128;

    private DatabaseNames() {}

    /** The lower-cased name. */
    public static String normalize(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** True for the two databases the server creates itself. */
    public static boolean isReserved(String name) {
        return SYSTEM_DB.equals(name) || DEFAULT_DB.equals(name);
    }

    /** Throws INVALID_NAME with immudb's message if {@code name} (already lower-cased) is not acceptable. */
    public static void check(String name) {
        if (name.isEmpty() || name.length() > MAX_LENGTH) {
            throw new DatabaseException(DatabaseException.Reason.INVALID_NAME,
                    "database name length outside of limits");
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            boolean ok = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_';
            if (!ok) {
                if (Character.isLetterOrDigit(c) || Character.isWhitespace(c)) {
                    throw new DatabaseException(DatabaseException.Reason.INVALID_NAME,
                            "unrecognized character in database name");
                }
                throw new DatabaseException(DatabaseException.Reason.INVALID_NAME,
                        "punctuation marks and symbols are not allowed in database name");
            }
        }
    }
}
