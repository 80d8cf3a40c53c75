package io.veridb.client;

import java.util.Objects;
import java.util.OptionalInt;

/**
 * Settings for {@link AdminClient#createDatabase(String, DatabaseSettings)} (immudb
 * {@code DatabaseNullableSettings} plus the request's {@code ifNotExists}). An empty value leaves the setting to
 * the server (VeriDB: header version 1, 1024-byte keys, 32 MiB values, 1024 entries per transaction).
 *
 * <pre>{@code
 * DatabaseSettings.DEFAULTS.withHeaderVersion(0).withMaxKeyLen(64).withIfNotExists(true)
 * }</pre>
 *
 * @param headerVersion transaction header version written by the database: 0 (immudb 1.1 era clients) or 1
 * @param maxKeyLen longest key in bytes, data-model prefix included, ≥ 1
 * @param maxValueLen longest value in bytes, data-model prefix included, ≥ 1
 * @param maxTxEntries most entries per transaction, ≥ 1
 * @param ifNotExists succeed (reporting {@code alreadyExisted}) if the database exists
 */
public record DatabaseSettings(OptionalInt headerVersion, OptionalInt maxKeyLen, OptionalInt maxValueLen,
        OptionalInt maxTxEntries, boolean ifNotExists) {

    /** Every setting left to the server; fails if the database exists. */
    public static final DatabaseSettings DEFAULTS = new DatabaseSettings(OptionalInt.empty(), OptionalInt.empty(),
            OptionalInt.empty(), OptionalInt.empty(), false);

    public DatabaseSettings {
        Objects.requireNonNull(headerVersion, "headerVersion");
        headerVersion.ifPresent(v -> {
            if (v != 0 && v != 1) {
                throw new IllegalArgumentException("headerVersion=" + v + ", want 0 or 1");
            }
        });
        requirePositive("maxKeyLen", maxKeyLen);
        requirePositive("maxValueLen", maxValueLen);
        requirePositive("maxTxEntries", maxTxEntries);
    }

    private static void requirePositive(String name, OptionalInt value) {
        Objects.requireNonNull(value, name);
        if (value.isPresent() && value.getAsInt() < 1) {
            throw new IllegalArgumentException(name + "=" + value.getAsInt() + ", want >= 1");
        }
    }

    /** These settings with transaction header version {@code v} (0 or 1). */
    public DatabaseSettings withHeaderVersion(int v) {
        return new DatabaseSettings(OptionalInt.of(v), maxKeyLen, maxValueLen, maxTxEntries, ifNotExists);
    }

    /** These settings with keys of at most {@code bytes}. */
    public DatabaseSettings withMaxKeyLen(int bytes) {
        return new DatabaseSettings(headerVersion, OptionalInt.of(bytes), maxValueLen, maxTxEntries, ifNotExists);
    }

    /** These settings with values of at most {@code bytes}. */
    public DatabaseSettings withMaxValueLen(int bytes) {
        return new DatabaseSettings(headerVersion, maxKeyLen, OptionalInt.of(bytes), maxTxEntries, ifNotExists);
    }

    /** These settings with at most {@code n} entries per transaction. */
    public DatabaseSettings withMaxTxEntries(int n) {
        return new DatabaseSettings(headerVersion, maxKeyLen, maxValueLen, OptionalInt.of(n), ifNotExists);
    }

    /** These settings with {@code ifNotExists}. */
    public DatabaseSettings withIfNotExists(boolean ifNotExists) {
        return new DatabaseSettings(headerVersion, maxKeyLen, maxValueLen, maxTxEntries, ifNotExists);
    }
}
