/**
 * Databases: one ledger directory each under the data directory, managed by
 * {@link io.veridb.server.db.DatabaseManager}. {@code systemdb} stores users and database settings as immudb KV
 * entries, so administrative changes are verifiable transactions too.
 */
package io.veridb.server.db;
