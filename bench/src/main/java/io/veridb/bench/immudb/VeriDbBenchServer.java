package io.veridb.bench.immudb;

import io.veridb.server.ServerConfig;
import io.veridb.server.VeriDbServer;
import java.nio.file.Path;

/**
 * Starts a VeriDB server in its own JVM for the side-by-side benchmark (so that, like immudb, it does not share a
 * process with the load generator): {@code VeriDbBenchServer <dir> <port> [signingKey.pem]}, DCB port off, admin
 * password immudb.
 * Runs until killed; a shutdown hook closes the server cleanly.
 */
public final class VeriDbBenchServer {

    private VeriDbBenchServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length != 2 && args.length != 3) {
            throw new IllegalArgumentException("usage: VeriDbBenchServer <dir> <port> [signingKey.pem]");
        }
        VeriDbServer server = VeriDbServer.start(ServerConfig.builder()
                .dir(Path.of(args[0]))
                .address("127.0.0.1")
                .port(Integer.parseInt(args[1]))
                .dcbPort(-1)
                .adminPassword("immudb")
                .signingKey(args.length == 3 ? Path.of(args[2]) : null)
                .build());
        Runtime.getRuntime().addShutdownHook(new Thread(server::close, "veridb-bench-shutdown"));
        server.awaitTermination();
    }
}
