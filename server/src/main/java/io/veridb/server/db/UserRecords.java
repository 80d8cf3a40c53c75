package io.veridb.server.db;

import io.veridb.server.auth.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/**
 * The stored form of a {@link User} (the value of its systemdb key). UTF-8 text, one field per line:
 *
 * <pre>
 * record    = "veridb-user 1" LF field*
 * field     = ("name=" | "hash=" | "sysadmin=" | "active=" | "createdBy=" | "createdAt=" | "perm=") text LF
 * perm text = database ":" permission     (repeated, one per database)
 * </pre>
 *
 * Every value is free of line breaks by construction (names are {@code [a-zA-Z0-9_]}, hashes are bcrypt ASCII,
 * times ISO-8601). Integrity comes from the ledger: the value is hashed into a transaction like any other entry.
 */
final class UserRecords {
    static final String MAGIC = "veridb-user 1";

    private UserRecords() {}

    static byte[] encode(User u) {
        StringBuilder s = new StringBuilder(MAGIC).append('\n');
        s.append("name=").append(u.name()).append('\n');
        s.append("hash=").append(u.passwordHash()).append('\n');
        s.append("sysadmin=").append(u.sysadmin()).append('\n');
        s.append("active=").append(u.active()).append('\n');
        s.append("createdBy=").append(u.createdBy()).append('\n');
        s.append("createdAt=").append(u.createdAt()).append('\n');
        for (Map.Entry<String, Integer> p : u.permissions().entrySet()) {
            s.append("perm=").append(p.getKey()).append(':').append(p.getValue()).append('\n');
        }
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }

    /** Decodes a record; IllegalArgumentException naming the problem for anything malformed. */
    static User decode(byte[] bytes) {
        String[] lines = new String(bytes, StandardCharsets.UTF_8).split("\n", -1);
        if (lines.length == 0 || !lines[0].equals(MAGIC)) {
            throw new IllegalArgumentException("user record starts with '" + (lines.length == 0 ? "" : lines[0])
                    + "', want '" + MAGIC + "'");
        }
        Map<String, String> fields = new TreeMap<>();
        Map<String, Integer> perms = new TreeMap<>();
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i];
            if (line.isEmpty()) {
                continue;
            }
            int eq = line.indexOf('=');
            if (eq < 0) {
                throw new IllegalArgumentException("user record line " + i + " has no '=': " + line);
            }
            String key = line.substring(0, eq);
            String value = line.substring(eq + 1);
            if (key.equals("perm")) {
                int colon = value.lastIndexOf(':');
                if (colon < 0) {
                    throw new IllegalArgumentException("user record permission '" + value + "' has no ':'");
                }
                perms.put(value.substring(0, colon), Integer.parseInt(value.substring(colon + 1)));
            } else {
                fields.put(key, value);
            }
        }
        return new User(require(fields, "name"), require(fields, "hash"), perms,
                Boolean.parseBoolean(require(fields, "sysadmin")), Boolean.parseBoolean(require(fields, "active")),
                require(fields, "createdBy"), Instant.parse(require(fields, "createdAt")));
    }

    private static String require(Map<String, String> fields, String key) {
        String v = fields.get(key);
        if (v == null) {
            throw new IllegalArgumentException("user record lacks field '" + key + "'");
        }
        return v;
    }
}
