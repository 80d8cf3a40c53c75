package io.veridb.server.auth;

import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.function.LongSupplier;

/**
 * Legacy login tokens ({@code Login} / {@code UseDatabase}, header {@code authorization: Bearer <token>}). Tokens are
 * opaque random strings known only to this server; each remembers its user, selected database and expiry.
 * Thread-safe. At most {@link #MAX_TOKENS} are kept; beyond that the oldest is forgotten.
 */
public final class TokenManager {
    /** Bound on remembered tokens, so clients that log in per request cannot exhaust memory. */
    public static final int MAX_TOKENS = 100_000;

    private static final int TOKEN_BYTES = 32;

    /** What a token stands for. {@code database} is null until {@code UseDatabase} (or when none was chosen). */
    public record Grant(String user, String database, long expiresAtNanos) {
        public Grant {
            Objects.requireNonNull(user, "user");
        }
    }

    private final Duration expiry;
    private final LongSupplier nanoClock;
    private final SecureRandom random = new SecureRandom();
    private final LinkedHashMap<String, Grant> tokens = new LinkedHashMap<>();

    public TokenManager(Duration expiry, LongSupplier nanoClock) {
        if (expiry.isNegative() || expiry.isZero()) {
            throw new IllegalArgumentException("token expiry=" + expiry + ", want > 0");
        }
        this.expiry = expiry;
        this.nanoClock = nanoClock;
    }

    /** A new token for {@code user} bound to {@code database} (null = none selected). */
    public synchronized String issue(String user, String database) {
        byte[] raw = new byte[TOKEN_BYTES];
        random.nextBytes(raw);
        String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);
        tokens.put(token, new Grant(user, database, nanoClock.getAsLong() + expiry.toNanos()));
        while (tokens.size() > MAX_TOKENS) {
            Iterator<String> oldest = tokens.keySet().iterator();
            oldest.next();
            oldest.remove();
        }
        return token;
    }

    /** The grant of {@code token}; TOKEN_NOT_FOUND if unknown or revoked, TOKEN_EXPIRED past its expiry. */
    public synchronized Grant resolve(String token) {
        Grant grant = tokens.get(token);
        if (grant == null) {
            throw new AuthException(AuthException.Reason.TOKEN_NOT_FOUND);
        }
        if (nanoClock.getAsLong() - grant.expiresAtNanos() > 0) {
            throw new AuthException(AuthException.Reason.TOKEN_EXPIRED);
        }
        return grant;
    }

    /** Forgets {@code token} (Logout). */
    public synchronized void revoke(String token) {
        tokens.remove(token);
    }

    /** Forgets every token of {@code user} (after a password, permission or status change). */
    public synchronized void revokeAllOf(String user) {
        tokens.values().removeIf(g -> g.user().equals(user));
    }

    /** Drops tokens that expired more than one expiry period ago; returns how many. */
    public synchronized int purge() {
        long now = nanoClock.getAsLong();
        int before = tokens.size();
        tokens.values().removeIf(g -> now - g.expiresAtNanos() > expiry.toNanos());
        return before - tokens.size();
    }

    public synchronized int size() {
        return tokens.size();
    }

    /** For tests: the grants currently remembered. */
    synchronized Map<String, Grant> snapshot() {
        return Map.copyOf(tokens);
    }
}
