package io.veridb.client;

/** immudb permission levels on a database, with their wire codes. */
public enum Permission {
    /** 0: no permission. */
    NONE(0),
    /** 1: read. */
    READ(1),
    /** 2: read and write. */
    READ_WRITE(2),
    /** 254: administrator of one database. */
    ADMIN(254),
    /** 255: system administrator. */
    SYSADMIN(255);

    private final int code;

    Permission(int code) {
        this.code = code;
    }

    /** The wire code. */
    public int code() {
        return code;
    }

    /** The permission with wire code {@code code}. */
    public static Permission of(int code) {
        for (Permission p : values()) {
            if (p.code == code) {
                return p;
            }
        }
        throw new IllegalArgumentException("permission code=" + code + ", want one of 0, 1, 2, 254, 255");
    }
}
