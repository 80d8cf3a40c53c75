package io.veridb.server.immu;

import io.veridb.server.auth.Authenticator;
import io.veridb.server.auth.SessionManager;
import io.veridb.server.auth.TokenManager;
import io.veridb.server.auth.UserAdmin;
import io.veridb.server.auth.Users;
import io.veridb.server.db.DatabaseManager;
import io.veridb.server.immu.kv.StateSigner;
import java.time.Instant;
import java.util.Objects;

/**
 * What the ImmuService handlers share: the server identity, auth components, databases and the state signer.
 *
 * @param uuid server identity (xid string)
 * @param authEnabled authentication on
 * @param maintenance maintenance mode
 * @param devmode accept remote callers when authentication is off
 * @param users the users
 * @param userAdmin immudb's user-management rules
 * @param sessions open sessions
 * @param tokens login tokens
 * @param authenticator header → caller
 * @param databases the databases
 * @param signer signs states (returns empty without a signing key)
 * @param startedAt server start time
 */
public record ImmuContext(
        String uuid,
        boolean authEnabled,
        boolean maintenance,
        boolean devmode,
        Users users,
        UserAdmin userAdmin,
        SessionManager sessions,
        TokenManager tokens,
        Authenticator authenticator,
        DatabaseManager databases,
        StateSigner signer,
        Instant startedAt) {
    public ImmuContext {
        Objects.requireNonNull(uuid, "uuid");
        Objects.requireNonNull(users, "users");
        Objects.requireNonNull(userAdmin, "userAdmin");
        Objects.requireNonNull(sessions, "sessions");
        Objects.requireNonNull(tokens, "tokens");
        Objects.requireNonNull(authenticator, "authenticator");
        Objects.requireNonNull(databases, "databases");
        Objects.requireNonNull(signer, "signer");
        Objects.requireNonNull(startedAt, "startedAt");
    }
}
