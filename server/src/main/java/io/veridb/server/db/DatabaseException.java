package io.veridb.server.db;

import java.util.Objects;

/**
 * A refused database-management request or an unusable database. The {@link Reason} decides the gRPC status (in
 * {@code ErrorMapper}); the message is immudb's text where clients may match it.
 */
public final class DatabaseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong; the default message is immudb's. */
    public enum Reason {
        NOT_EXISTS("database does not exist"),
        /** UseDatabase on an unknown name (NOT_FOUND "'&lt;db&gt;' does not exist"). */
        USE_NOT_EXISTS("does not exist"),
        ALREADY_EXISTS("database already exists"),
        RESERVED("database is reserved"),
        INVALID_NAME("invalid database name"),
        ALREADY_LOADED("database already loaded"),
        NOT_LOADED("already closed"),
        DELETE_OPEN("cannot delete an open database"),
        NOT_ADMIN("you do not have admin permission on this database"),
        NOT_SYSADMIN("loggedin user does not have permissions for this operation"),
        ILLEGAL_SETTINGS("illegal arguments"),
        IN_USE("database is in use"),
        STORAGE("database storage failure");

        private final String defaultMessage;

        Reason(String defaultMessage) {
            this.defaultMessage = defaultMessage;
        }

        public String defaultMessage() {
            return defaultMessage;
        }
    }

    private final Reason reason;

    public DatabaseException(Reason reason) {
        this(reason, reason.defaultMessage());
    }

    public DatabaseException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public DatabaseException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }

    static DatabaseException useNotExists(String name) {
        return new DatabaseException(Reason.USE_NOT_EXISTS, "'" + name + "' does not exist");
    }

    static DatabaseException notAdmin(String name) {
        return new DatabaseException(Reason.NOT_ADMIN,
                "the database '" + name + "' does not exist or you do not have admin permission on this database");
    }
}
