package io.veridb.server.auth;

import io.veridb.server.auth.AuthException.Reason;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Predicate;

/**
 * immudb's user-management rules (CreateUser, ChangePassword, ChangePermission, SetActiveUser, ListUsers) on plain
 * values, plus VeriDB's server-side {@link PasswordPolicy}. Every change that affects a user's access ends that
 * user's sessions and tokens through {@code invalidate}. Changes are serialised, so a check ("user already exists")
 * and the write it guards cannot interleave with another change.
 */
public final class UserAdmin {
    /** Name of the system database (never granted read-write). */
    public static final String SYSTEM_DB = "systemdb";

    private final Users users;
    private final Predicate<String> databaseExists;
    private final Consumer<String> invalidate;

    public UserAdmin(Users users, Predicate<String> databaseExists, Consumer<String> invalidate) {
        this.users = users;
        this.databaseExists = databaseExists;
        this.invalidate = invalidate;
    }

    /** CreateUser: sysadmin, or admin of {@code database}; permission 1, 2 or 254 (database defaults to defaultdb). */
    public synchronized User create(User actor, String name, byte[] password, int permission, String database) {
        if (name.isEmpty()) {
            throw new AuthException(Reason.REJECTED, "username can not be empty");
        }
        String db = database.isEmpty() ? "defaultdb" : database;
        if (!databaseExists.test(db)) {
            throw new AuthException(Reason.REJECTED, "database " + db + " does not exist");
        }
        if (!Permission.isKnown(permission)) {
            throw new AuthException(Reason.REJECTED, "unrecognized permission");
        }
        if (!actor.sysadmin() && actor.permissionOn(db) != Permission.ADMIN) {
            throw new AuthException(Reason.REJECTED, "you do not have permission on this database");
        }
        if (permission == Permission.SYSADMIN) {
            throw new AuthException(Reason.REJECTED, "can not create another system admin");
        }
        if (users.find(name).isPresent()) {
            throw new AuthException(Reason.REJECTED, "user already exists");
        }
        if (!User.isValidName(name)) {
            throw new AuthException(Reason.INVALID_ARGUMENT,
                    "username can only contain letters, digits and underscores, at most " + User.MAX_NAME_LENGTH
                            + " characters");
        }
        PasswordPolicy.check(new String(password, StandardCharsets.UTF_8));
        User user = new User(name, users.hash(password), Map.of(db, permission), false, true, actor.name(), now());
        users.save(user);
        return user;
    }

    /**
     * ChangePassword: for {@code immudb} the old password must match; otherwise the actor must be sysadmin, or an
     * admin who created the target user.
     */
    public synchronized void changePassword(User actor, String target, byte[] oldPassword, byte[] newPassword) {
        if (target.equals(User.SYSADMIN_NAME)) {
            User admin = users.find(User.SYSADMIN_NAME).orElseThrow();
            if (!users.passwordMatches(admin, oldPassword)) {
                throw new AuthException(Reason.OLD_PASSWORD_INCORRECT);
            }
        }
        if (!actor.isAdminSomewhere()) {
            throw new AuthException(Reason.REJECTED, "user is not system admin nor admin in any of the databases");
        }
        if (target.isEmpty()) {
            throw new AuthException(Reason.REJECTED, "username can not be empty");
        }
        User user = users.find(target)
                .filter(u -> actor.sysadmin() || actor.name().equals(u.createdBy()))
                .orElseThrow(() -> new AuthException(
                        Reason.REJECTED, "user " + target + " was not found or it was not created by you"));
        PasswordPolicy.check(new String(newPassword, StandardCharsets.UTF_8));
        users.save(user.withPasswordHash(users.hash(newPassword), actor.name(), now()));
        invalidate.accept(target);
    }

    /** ChangePermission: GRANT replaces the permission on {@code database}, REVOKE removes it. */
    public synchronized void changePermission(
            User actor, boolean grant, String target, String database, int permission) {
        if (target.isEmpty()) {
            throw new AuthException(Reason.INVALID_ARGUMENT, "username can not be empty");
        }
        if (database.isEmpty()) {
            throw new AuthException(Reason.INVALID_ARGUMENT, "database can not be empty");
        }
        if (!database.equals(SYSTEM_DB) && !databaseExists.test(database)) {
            throw new AuthException(Reason.INVALID_ARGUMENT, "database does not exist");
        }
        if (!Permission.grantsAccess(permission)) {
            throw new AuthException(Reason.INVALID_ARGUMENT, "unrecognized permission");
        }
        if (target.equals(actor.name())) {
            throw new AuthException(Reason.INVALID_ARGUMENT, "changing your own permissions is not allowed");
        }
        if (target.equals(User.SYSADMIN_NAME)) {
            throw new AuthException(Reason.INVALID_ARGUMENT, "changing sysadmin permissions is not allowed");
        }
        if (database.equals(SYSTEM_DB) && permission == Permission.READ_WRITE) {
            throw new AuthException(Reason.PERMISSION_DENIED);
        }
        User user = users.find(target)
                .orElseThrow(() -> new AuthException(Reason.USER_NOT_FOUND, "user " + target + " not found"));
        if (!user.active()) {
            throw new AuthException(Reason.USER_INACTIVE_TARGET, "user " + target + " is not active");
        }
        if (!actor.sysadmin() && actor.permissionOn(database) != Permission.ADMIN) {
            throw new AuthException(Reason.FORBIDDEN);
        }
        users.save(user.withPermission(database, grant ? permission : Permission.NONE, actor.name(), now()));
        invalidate.accept(target);
    }

    /** SetActiveUser: sysadmin, or an admin who created the target; never oneself. */
    public synchronized void setActive(User actor, String target, boolean active) {
        if (target.isEmpty()) {
            throw new AuthException(Reason.REJECTED, "username can not be empty");
        }
        if (!actor.isAdminSomewhere()) {
            throw new AuthException(Reason.REJECTED, "user is not system admin nor admin in any of the databases");
        }
        if (target.equals(actor.name())) {
            throw new AuthException(Reason.REJECTED, "changing your own status is not allowed");
        }
        User user = users.find(target)
                .orElseThrow(() -> new AuthException(Reason.REJECTED, "user " + target + " not found"));
        if (!actor.sysadmin() && !actor.name().equals(user.createdBy())) {
            throw new AuthException(Reason.REJECTED, target + " was not created by you");
        }
        users.save(user.withActive(active, actor.name(), now()));
        invalidate.accept(target);
    }

    /**
     * ListUsers: the sysadmin sees everyone; the admin of the selected database sees the users with a permission on
     * it; anyone else sees only themself.
     */
    public List<User> list(User actor, String selectedDatabase) {
        if (actor.sysadmin()) {
            return users.all();
        }
        if (selectedDatabase != null && actor.permissionOn(selectedDatabase) == Permission.ADMIN) {
            return users.all().stream()
                    .filter(u -> u.permissions().containsKey(selectedDatabase))
                    .toList();
        }
        return List.of(actor);
    }

    private Instant now() {
        return users.clock().instant();
    }
}
