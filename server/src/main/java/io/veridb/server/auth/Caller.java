package io.veridb.server.auth;

import java.util.Objects;

/**
 * Who is calling, resolved from the request headers.
 *
 * @param user the authenticated user (the sysadmin for unauthenticated local calls when auth is off)
 * @param database the selected database, or null if none was selected (token login in multi-database use)
 * @param sessionId the {@code sessionid} header if the call is session-authenticated, else null
 * @param token the bearer token if the call is token-authenticated, else null
 */
public record Caller(User user, String database, String sessionId, String token) {
    public Caller {
        Objects.requireNonNull(user, "user");
    }

    /** The permission of the caller on the selected database (0 if none is selected). */
    public int permission() {
        return database == null ? Permission.NONE : user.permissionOn(database);
    }
}
