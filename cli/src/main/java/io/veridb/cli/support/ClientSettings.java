package io.veridb.cli.support;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * Resolved connection settings ({@link SettingsResolver}). {@code toString} never shows the password.
 *
 * @param address server {@code host:port}
 * @param username user to log in as
 * @param password the password, or empty when none was configured (then it is prompted for)
 * @param database database of the session
 * @param tls connect with TLS
 * @param ca CA certificates to trust; null = the JVM's trust store
 * @param cert client certificate for mutual TLS; null = none
 * @param key private key of {@code cert}; null = none
 * @param serverKey server public key for state signatures; null = signatures not checked
 * @param stateDir directory of trusted states and identity pins
 */
public record ClientSettings(String address, String username, Optional<String> password, String database,
        boolean tls, Path ca, Path cert, Path key, Path serverKey, Path stateDir) {

    public ClientSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(stateDir, "stateDir");
        if ((cert == null) != (key == null)) {
            throw new UsageException("--cert and --key go together: cert=" + cert + " key=" + key);
        }
        if (ca != null || cert != null) {
            tls = true;
        }
    }

    /** These settings with {@code password}. */
    public ClientSettings withPassword(String pw) {
        return new ClientSettings(address, username, Optional.of(pw), database, tls, ca, cert, key, serverKey,
                stateDir);
    }

    /** These settings with another database. */
    public ClientSettings withDatabase(String db) {
        return new ClientSettings(address, username, password, db, tls, ca, cert, key, serverKey, stateDir);
    }

    /** These settings with another state directory. */
    public ClientSettings withStateDir(Path dir) {
        return new ClientSettings(address, username, password, database, tls, ca, cert, key, serverKey, dir);
    }

    @Override
    public String toString() {
        return "ClientSettings[address=" + address + " username=" + username + " password="
                + (password.isPresent() ? "***" : "absent") + " database=" + database + " tls=" + tls + " ca=" + ca
                + " cert=" + cert + " key=" + key + " serverKey=" + serverKey + " stateDir=" + stateDir + "]";
    }
}
