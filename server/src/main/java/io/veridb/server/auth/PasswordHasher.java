package io.veridb.server.auth;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;
import java.nio.charset.StandardCharsets;

/** bcrypt ($2a$) hashing of user passwords. Thread-safe. */
public final class PasswordHasher {
    /** immudb uses Go's bcrypt.DefaultCost. */
    public static final int DEFAULT_COST = 10;

    private final int cost;
    private final BCrypt.Hasher hasher;
    private final BCrypt.Verifyer verifyer;

    public PasswordHasher(int cost) {
        if (cost < 4 || cost > 31) {
            throw new IllegalArgumentException("bcrypt cost=" + cost + ", want 4..31");
        }
        this.cost = cost;
        // Truncating at 72 bytes is what bcrypt itself does; it keeps over-long login attempts an ordinary failure.
        BCrypt.Version v2a = BCrypt.Version.VERSION_2A;
        this.hasher = BCrypt.with(v2a, LongPasswordStrategies.truncate(v2a));
        this.verifyer = BCrypt.verifyer(v2a, LongPasswordStrategies.truncate(v2a));
    }

    public PasswordHasher() {
        this(DEFAULT_COST);
    }

    /** A fresh salted hash of {@code password} (UTF-8 bytes). */
    public String hash(byte[] password) {
        return new String(hasher.hash(cost, password), StandardCharsets.US_ASCII);
    }

    /** True if {@code password} matches {@code hash}; false (never an exception) for malformed hashes. */
    public boolean matches(byte[] password, String hash) {
        try {
            return verifyer.verify(password, hash.getBytes(StandardCharsets.US_ASCII)).verified;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
