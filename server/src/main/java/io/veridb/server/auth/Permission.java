package io.veridb.server.auth;

/**
 * immudb permission values, as carried on the wire ({@code Permission.permission}, {@code CreateUserRequest}).
 *
 * <p>0 none, 1 read, 2 read-write, 254 admin of one database, 255 system administrator.
 */
public final class Permission {
    public static final int NONE = 0;
    public static final int READ = 1;
    public static final int READ_WRITE = 2;
    public static final int ADMIN = 254;
    public static final int SYSADMIN = 255;

    private Permission() {}

    /** True for the values immudb accepts as a grant: 1, 2, 254 or 255. */
    public static boolean isKnown(int permission) {
        return permission == READ || permission == READ_WRITE || permission == ADMIN || permission == SYSADMIN;
    }

    /** True if {@code permission} may open a session or select a database (read, read-write or admin). */
    public static boolean grantsAccess(int permission) {
        return permission == READ || permission == READ_WRITE || permission == ADMIN;
    }
}
