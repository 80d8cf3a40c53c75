package io.veridb.client;

import java.util.Objects;

/**
 * One database as {@code DatabaseListV2} reports it.
 *
 * @param name database name
 * @param loaded the database is open
 * @param diskSize bytes on disk
 * @param numTransactions committed transactions
 * @param createdAt creation time, unix seconds (0 if unknown)
 * @param createdBy user that created it (empty if unknown)
 */
public record DatabaseInfo(
        String name, boolean loaded, long diskSize, long numTransactions, long createdAt, String createdBy) {

    public DatabaseInfo {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(createdBy, "createdBy");
    }
}
