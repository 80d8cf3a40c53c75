package io.veridb.server.dcb;

import java.util.Objects;

/**
 * Settings of the DCB (UmaDB protocol) face.
 *
 * @param databaseName the database the DCB face serves; not blank
 * @param apiKey the key clients must send as {@code authorization: Bearer <key>}, or null for no authentication
 */
public record DcbSettings(String databaseName, String apiKey) {
    public DcbSettings {
        Objects.requireNonNull(databaseName, "databaseName");
        if (databaseName.isBlank()) {
            throw new IllegalArgumentException("databaseName is blank");
        }
        if (apiKey != null && apiKey.isEmpty()) {
            throw new IllegalArgumentException("apiKey is empty; pass null for no authentication");
        }
    }
}
