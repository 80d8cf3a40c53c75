/**
 * The VeriDB server: {@link io.veridb.server.VeriDbServer} (start, ports, identity, shutdown) and its one options
 * record {@link io.veridb.server.ServerConfig}. Sub-packages: {@code auth} (users, sessions, tokens), {@code db}
 * (databases and the systemdb catalog), {@code immu} (immudb's ImmuService), {@code dcb} (UmaDB's DCB face),
 * {@code config} (flags, environment, immudb.toml), {@code identity}, {@code signing}, {@code tls}.
 */
package io.veridb.server;
