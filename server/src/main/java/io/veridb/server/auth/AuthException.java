package io.veridb.server.auth;

import java.util.Objects;

/**
 * An authentication or authorisation failure. The {@link Reason} decides the gRPC status (mapped in exactly one
 * place, {@code ErrorMapper}); the message is what clients see, worded as immudb words it where clients match it.
 */
public final class AuthException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What went wrong; the default message is immudb's. */
    public enum Reason {
        INVALID_CREDENTIALS("invalid user name or password"),
        USER_NOT_ACTIVE("user is not active"),
        AUTH_DISABLED("server is running with authentication disabled, please enable authentication to login"),
        AUTH_REQUIRED("this command is available only with authentication on"),
        AUTH_MUST_BE_ON("authentication must be on"),
        REMOTE_WITHOUT_AUTH("authentication is disabled: only local connections are accepted (use --devmode to allow"
                + " remote clients)"),
        DATABASE_ACCESS_DENIED("Logged in user does not have permission on this database"),
        SESSION_NOT_FOUND("session not found"),
        NO_SESSION_ID("no sessionID provided"),
        NOT_LOGGED_IN("not logged in"),
        TOKEN_EXPIRED("token has expired"),
        TOKEN_NOT_FOUND("Token data not found"),
        NO_DATABASE_SELECTED("please select a database first"),
        PERMISSION_DENIED("permission denied"),
        MAX_SESSIONS("can not create new session: max sessions number reached"),
        MAINTENANCE("operation not allowed in maintenance mode"),
        OLD_PASSWORD_INCORRECT("old password is incorrect"),
        WEAK_PASSWORD("password does not meet the policy"),
        /** A refused user-management request that immudb reports without a status code (UNKNOWN). */
        REJECTED("request rejected"),
        /** A user-management request with an invalid argument (INVALID_ARGUMENT in immudb). */
        INVALID_ARGUMENT("illegal arguments"),
        USER_NOT_FOUND("user not found"),
        USER_INACTIVE_TARGET("user is not active"),
        FORBIDDEN("you do not have permission on this database");

        private final String defaultMessage;

        Reason(String defaultMessage) {
            this.defaultMessage = defaultMessage;
        }

        public String defaultMessage() {
            return defaultMessage;
        }
    }

    private final Reason reason;

    public AuthException(Reason reason) {
        this(reason, reason.defaultMessage());
    }

    public AuthException(Reason reason, String message) {
        super(message, null, false, false);
        this.reason = Objects.requireNonNull(reason, "reason");
    }

    public Reason reason() {
        return reason;
    }
}
