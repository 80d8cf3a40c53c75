package io.veridb.server.auth;

import java.util.Objects;

/**
 * One open session ({@code OpenSession} … {@code CloseSession}). The database can be switched with
 * {@code UseDatabase}; the last-activity time moves on every call that carries the session id.
 */
public final class Session {
    private final String id;
    private final String user;
    private final long createdNanos;
    private volatile String database;
    private volatile long lastActivityNanos;

    Session(String id, String user, String database, long nowNanos) {
        this.id = Objects.requireNonNull(id, "id");
        this.user = Objects.requireNonNull(user, "user");
        this.database = Objects.requireNonNull(database, "database");
        this.createdNanos = nowNanos;
        this.lastActivityNanos = nowNanos;
    }

    public String id() {
        return id;
    }

    public String user() {
        return user;
    }

    public String database() {
        return database;
    }

    void useDatabase(String name) {
        this.database = Objects.requireNonNull(name, "name");
    }

    long createdNanos() {
        return createdNanos;
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }

    void touch(long nowNanos) {
        lastActivityNanos = nowNanos;
    }
}
