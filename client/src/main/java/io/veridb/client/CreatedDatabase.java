package io.veridb.client;

import java.util.Objects;

/**
 * The answer to {@link AdminClient#createDatabase(String, DatabaseSettings)}.
 *
 * @param name the database name as stored (lower case)
 * @param alreadyExisted true if the database existed (only with {@code ifNotExists})
 * @param settings the settings the server reports for the database (empty where it reports none);
 *     {@code ifNotExists} is the request's
 */
public record CreatedDatabase(String name, boolean alreadyExisted, DatabaseSettings settings) {

    public CreatedDatabase {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(settings, "settings");
    }
}
