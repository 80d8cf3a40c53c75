package io.veridb.server.auth;

import java.time.Duration;
import java.util.Objects;

/**
 * Limits of the session manager (immudb's defaults: 100 sessions, 2 min timeout, 3 min inactivity, no max age,
 * guard every minute).
 *
 * @param maxSessions open sessions allowed at once; at least 1
 * @param timeout a session idle for longer is closed
 * @param maxInactivity a session idle for longer is reported as inactive (informational)
 * @param maxAge a session older than this is closed; {@link Duration#ZERO} = no limit
 * @param guardInterval how often idle sessions and expired tokens are reclaimed
 */
public record SessionSettings(
        int maxSessions, Duration timeout, Duration maxInactivity, Duration maxAge, Duration guardInterval) {
    public SessionSettings {
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(maxInactivity, "maxInactivity");
        Objects.requireNonNull(maxAge, "maxAge");
        Objects.requireNonNull(guardInterval, "guardInterval");
        if (maxSessions < 1) {
            throw new IllegalArgumentException("maxSessions=" + maxSessions + ", want >= 1");
        }
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("session timeout=" + timeout + ", want > 0");
        }
        if (maxInactivity.isNegative() || maxAge.isNegative()) {
            throw new IllegalArgumentException("maxInactivity=" + maxInactivity + " maxAge=" + maxAge + ", want >= 0");
        }
        if (guardInterval.isNegative() || guardInterval.isZero()) {
            throw new IllegalArgumentException("guardInterval=" + guardInterval + ", want > 0");
        }
    }
}
