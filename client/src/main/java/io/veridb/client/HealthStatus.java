package io.veridb.client;

import java.util.Objects;

/**
 * What {@code Health} reports.
 *
 * @param healthy the server considers itself healthy
 * @param version the server's version string
 */
public record HealthStatus(boolean healthy, String version) {

    public HealthStatus {
        Objects.requireNonNull(version, "version");
    }
}
