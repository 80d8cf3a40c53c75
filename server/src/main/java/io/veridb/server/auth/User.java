package io.veridb.server.auth;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * One user as stored in {@code systemdb}: a bcrypt hash, never the password.
 *
 * @param name user name, {@code [a-zA-Z0-9_]+}, at most 63 characters
 * @param passwordHash bcrypt hash ({@code $2a$…})
 * @param permissions database name → permission (1, 2 or 254); copied, iteration in name order
 * @param sysadmin true only for the built-in {@code immudb} user (permission 255 on everything)
 * @param active inactive users cannot log in
 * @param createdBy user who created (or last changed) this user
 * @param createdAt when
 */
public record User(
        String name,
        String passwordHash,
        Map<String, Integer> permissions,
        boolean sysadmin,
        boolean active,
        String createdBy,
        Instant createdAt) {
    /** Name of the built-in system administrator. */
    public static final String SYSADMIN_NAME = "immudb";

    /** immudb's default sysadmin password; logging in with it yields a warning. */
    public static final String DEFAULT_ADMIN_PASSWORD = "immudb";

    static final int MAX_NAME_LENGTH = 63;
    private static final Pattern NAME = Pattern.compile("^[a-zA-Z0-9_]+$");

    public User {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(passwordHash, "passwordHash");
        Objects.requireNonNull(createdBy, "createdBy");
        Objects.requireNonNull(createdAt, "createdAt");
        if (!isValidName(name)) {
            throw new IllegalArgumentException("invalid user name '" + name + "'");
        }
        permissions = Map.copyOf(new TreeMap<>(permissions));
        for (Map.Entry<String, Integer> p : permissions.entrySet()) {
            if (!Permission.grantsAccess(p.getValue())) {
                throw new IllegalArgumentException(
                        "permission=" + p.getValue() + " on database=" + p.getKey() + " of user=" + name);
            }
        }
    }

    /** True if {@code name} is a legal user name. */
    public static boolean isValidName(String name) {
        return name.length() <= MAX_NAME_LENGTH && NAME.matcher(name).matches();
    }

    /** The permission on {@code database}: 255 for the sysadmin, else the granted value or 0. */
    public int permissionOn(String database) {
        if (sysadmin) {
            return Permission.SYSADMIN;
        }
        return permissions.getOrDefault(database, Permission.NONE);
    }

    /** True if the user is sysadmin or admin (254) of at least one database. */
    public boolean isAdminSomewhere() {
        return sysadmin || permissions.containsValue(Permission.ADMIN);
    }

    public User withPasswordHash(String hash, String changedBy, Instant at) {
        return new User(name, hash, permissions, sysadmin, active, changedBy, at);
    }

    public User withPermission(String database, int permission, String changedBy, Instant at) {
        Map<String, Integer> next = new TreeMap<>(permissions);
        if (permission == Permission.NONE) {
            next.remove(database);
        } else {
            next.put(database, permission);
        }
        return new User(name, passwordHash, next, sysadmin, active, changedBy, at);
    }

    public User withActive(boolean isActive, String changedBy, Instant at) {
        return new User(name, passwordHash, permissions, sysadmin, isActive, changedBy, at);
    }

    @Override
    public String toString() {
        return "User[name=" + name + ", sysadmin=" + sysadmin + ", active=" + active + ", permissions=" + permissions
                + "]";
    }
}
