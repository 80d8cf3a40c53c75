package io.veridb.server.auth;

import io.veridb.server.auth.AuthException.Reason;

/**
 * Resolves the {@code sessionid} and {@code authorization} headers of a call to a {@link Caller}. A session id takes
 * precedence over a token, as in immudb. Thread-safe.
 */
public final class Authenticator {
    private static final String BEARER = "Bearer ";

    private final Users users;
    private final SessionManager sessions;
    private final TokenManager tokens;
    private final boolean authEnabled;

    public Authenticator(Users users, SessionManager sessions, TokenManager tokens, boolean authEnabled) {
        this.users = users;
        this.sessions = sessions;
        this.tokens = tokens;
        this.authEnabled = authEnabled;
    }

    /**
     * The caller for the given header values (either may be null). Without credentials: NOT_LOGGED_IN, or, with
     * authentication disabled, the sysadmin on {@code defaultdb}.
     */
    public Caller resolve(String sessionId, String authorization) {
        if (sessionId != null && !sessionId.isEmpty()) {
            Session session = sessions.get(sessionId);
            return new Caller(activeUser(session.user()), session.database(), sessionId, null);
        }
        String token = bearer(authorization);
        if (token != null) {
            TokenManager.Grant grant = tokens.resolve(token);
            return new Caller(activeUser(grant.user()), grant.database(), null, token);
        }
        if (!authEnabled) {
            User admin = users.find(User.SYSADMIN_NAME).orElseThrow();
            return new Caller(admin, "defaultdb", null, null);
        }
        throw new AuthException(Reason.NOT_LOGGED_IN);
    }

    /** The token in an {@code authorization} header value ({@code Bearer } prefix optional), or null if blank. */
    static String bearer(String authorization) {
        if (authorization == null) {
            return null;
        }
        String token = authorization.startsWith(BEARER) ? authorization.substring(BEARER.length()) : authorization;
        return token.isEmpty() ? null : token;
    }

    public boolean authEnabled() {
        return authEnabled;
    }

    private User activeUser(String name) {
        User user = users.find(name).orElseThrow(() -> new AuthException(Reason.NOT_LOGGED_IN));
        if (!user.active()) {
            throw new AuthException(Reason.USER_NOT_ACTIVE);
        }
        return user;
    }
}
