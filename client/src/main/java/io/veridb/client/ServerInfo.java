package io.veridb.client;

import java.util.Objects;

/**
 * What {@code ServerInfo} reports.
 *
 * @param version server version string
 * @param startedAt start time, unix seconds
 * @param numTransactions transactions over all databases
 * @param numDatabases number of databases
 * @param databasesDiskSize bytes on disk over all databases
 */
public record ServerInfo(
        String version, long startedAt, long numTransactions, int numDatabases, long databasesDiskSize) {

    public ServerInfo {
        Objects.requireNonNull(version, "version");
    }
}
