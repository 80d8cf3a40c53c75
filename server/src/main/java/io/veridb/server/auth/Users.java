package io.veridb.server.auth;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The users of one server: an in-memory view over a {@link UserStore}, plus password checks. Thread-safe; writes
 * are serialised and reach the store before the view changes.
 */
public final class Users {
    private static final Logger LOG = LoggerFactory.getLogger(Users.class);

    /** Message of the Login warning for the untouched default admin password. */
    public static final String DEFAULT_PASSWORD_WARNING =
            "immudb user has the default password: please change it to ensure proper security";

    private final UserStore store;
    private final PasswordHasher hasher;
    private final Clock clock;
    private final Map<String, User> byName = new ConcurrentHashMap<>();
    private final String dummyHash;

    public Users(UserStore store, PasswordHasher hasher, Clock clock) {
        this.store = store;
        this.hasher = hasher;
        this.clock = clock;
        for (User u : store.loadUsers()) {
            byName.put(u.name(), u);
        }
        this.dummyHash = hasher.hash("veridb-timing-equaliser".getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Creates the sysadmin {@code immudb} with {@code password} on first start (no policy check: immudb's default
     * "immudb" must work). With {@code force} an existing sysadmin's password is reset, and then the password must
     * meet the {@link PasswordPolicy} unless it equals the current one.
     */
    public synchronized void bootstrapAdmin(String password, boolean force) {
        if (password.isEmpty()) {
            throw new IllegalArgumentException("admin password is empty");
        }
        byte[] pw = password.getBytes(StandardCharsets.UTF_8);
        User admin = byName.get(User.SYSADMIN_NAME);
        if (admin == null) {
            save(new User(User.SYSADMIN_NAME, hasher.hash(pw), Map.of(), true, true, "", clock.instant()));
            LOG.info("created system administrator '{}'", User.SYSADMIN_NAME);
            return;
        }
        if (force && !hasher.matches(pw, admin.passwordHash())) {
            String problem = PasswordPolicy.violation(password);
            if (problem != null) {
                throw new IllegalArgumentException("--force-admin-password: " + problem);
            }
            save(admin.withPasswordHash(hasher.hash(pw), User.SYSADMIN_NAME, clock.instant()));
            LOG.info("reset the password of system administrator '{}' (--force-admin-password)", User.SYSADMIN_NAME);
        }
    }

    /**
     * The user {@code name} if {@code password} matches; INVALID_CREDENTIALS otherwise (unknown users cost the same
     * bcrypt work), USER_NOT_ACTIVE for a deactivated user with the right password.
     */
    public User authenticate(byte[] name, byte[] password) {
        User user = byName.get(new String(name, StandardCharsets.UTF_8));
        if (user == null) {
            hasher.matches(password, dummyHash);
            throw new AuthException(AuthException.Reason.INVALID_CREDENTIALS);
        }
        if (!hasher.matches(password, user.passwordHash())) {
            throw new AuthException(AuthException.Reason.INVALID_CREDENTIALS);
        }
        if (!user.active()) {
            throw new AuthException(AuthException.Reason.USER_NOT_ACTIVE);
        }
        return user;
    }

    /** True if {@code password} matches the stored hash of {@code user}. */
    public boolean passwordMatches(User user, byte[] password) {
        return hasher.matches(password, user.passwordHash());
    }

    public String hash(byte[] password) {
        return hasher.hash(password);
    }

    public Optional<User> find(String name) {
        return Optional.ofNullable(byName.get(name));
    }

    /** All users in name order. */
    public List<User> all() {
        List<User> list = new ArrayList<>(byName.values());
        list.sort(Comparator.comparing(User::name));
        return list;
    }

    /** Stores {@code user} (new or changed). */
    public synchronized void save(User user) {
        store.saveUser(user);
        byName.put(user.name(), user);
    }

    Clock clock() {
        return clock;
    }
}
