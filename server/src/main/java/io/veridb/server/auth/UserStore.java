package io.veridb.server.auth;

import java.util.List;

/**
 * Durable storage of users. The server's implementation keeps them as KV entries in {@code systemdb} (so user changes
 * are tamper-evident transactions); tests use a map.
 */
public interface UserStore {
    /** Every stored user, in name order. */
    List<User> loadUsers();

    /** Stores {@code user}, replacing an earlier version; durable when this returns. */
    void saveUser(User user);
}
