package io.veridb.server.auth;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The open sessions. Thread-safe. An idle or over-age session is refused at once by {@link #get} and reclaimed by
 * {@link #expire}, which the server's guard thread calls periodically.
 */
public final class SessionManager {
    private static final int ID_BYTES = 32;

    private final SessionSettings settings;
    private final LongSupplier nanoClock;
    private final SecureRandom random = new SecureRandom();
    private final ConcurrentHashMap<String, Session> sessions = new ConcurrentHashMap<>();

    public SessionManager(SessionSettings settings, LongSupplier nanoClock) {
        this.settings = settings;
        this.nanoClock = nanoClock;
    }

    /** Opens a session for {@code user} on {@code database}; fails with MAX_SESSIONS at the limit. */
    public synchronized Session open(String user, String database) {
        expire();
        if (sessions.size() >= settings.maxSessions()) {
            throw new AuthException(AuthException.Reason.MAX_SESSIONS);
        }
        byte[] raw = new byte[ID_BYTES];
        String id;
        do {
            random.nextBytes(raw);
            id = Base64.getUrlEncoder().encodeToString(raw);
        } while (sessions.containsKey(id));
        Session session = new Session(id, user, database, nanoClock.getAsLong());
        sessions.put(id, session);
        return session;
    }

    /** The live session {@code id}, marked active now; SESSION_NOT_FOUND if unknown, closed or expired. */
    public Session get(String id) {
        Session session = sessions.get(id);
        long now = nanoClock.getAsLong();
        if (session == null || isExpired(session, now)) {
            if (session != null) {
                sessions.remove(id, session);
            }
            throw new AuthException(AuthException.Reason.SESSION_NOT_FOUND);
        }
        session.touch(now);
        return session;
    }

    /** Closes session {@code id}; SESSION_NOT_FOUND if it is not open. */
    public void close(String id) {
        if (sessions.remove(id) == null) {
            throw new AuthException(AuthException.Reason.SESSION_NOT_FOUND);
        }
    }

    /** Closes every session of {@code user} (after a password, permission or status change). */
    public void closeAllOf(String user) {
        sessions.values().removeIf(s -> s.user().equals(user));
    }

    /** Switches the database of session {@code id}. */
    public void useDatabase(String id, String database) {
        get(id).useDatabase(database);
    }

    /** Removes idle and over-age sessions; returns how many were removed. */
    public int expire() {
        long now = nanoClock.getAsLong();
        List<String> dead = new ArrayList<>();
        for (Session s : sessions.values()) {
            if (isExpired(s, now)) {
                dead.add(s.id());
            }
        }
        dead.forEach(sessions::remove);
        return dead.size();
    }

    /** Sessions idle for longer than the inactivity threshold but not yet closed. */
    public int inactiveCount() {
        long now = nanoClock.getAsLong();
        long limit = settings.maxInactivity().toNanos();
        return (int) sessions.values().stream().filter(s -> now - s.lastActivityNanos() > limit).count();
    }

    public int size() {
        return sessions.size();
    }

    public SessionSettings settings() {
        return settings;
    }

    private boolean isExpired(Session s, long now) {
        if (now - s.lastActivityNanos() > settings.timeout().toNanos()) {
            return true;
        }
        return !settings.maxAge().isZero() && now - s.createdNanos() > settings.maxAge().toNanos();
    }
}
