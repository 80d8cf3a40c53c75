/** Server options from flags, {@code IMMUDB_*} environment variables and {@code immudb.toml}, in one table. */
package io.veridb.server.config;
