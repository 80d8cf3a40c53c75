package io.veridb.cli.bench;

import io.veridb.server.ServerConfig;
import io.veridb.server.VeriDbServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * A throwaway in-process server for {@code veridb bench --embedded}: a fresh data directory under the system
 * temporary directory, an ephemeral port on 127.0.0.1, the DCB port off, default credentials. Closing stops the
 * server and deletes the directory.
 */
public final class EmbeddedServer implements AutoCloseable {

    private final Path dir;
    private final VeriDbServer server;

    private EmbeddedServer(Path dir, VeriDbServer server) {
        this.dir = dir;
        this.server = server;
    }

    /** Starts the server. */
    public static EmbeddedServer start() {
        Path dir;
        try {
            dir = Files.createTempDirectory("veridb-bench-");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary data directory", e);
        }
        try {
            ServerConfig config = ServerConfig.builder().dir(dir).address("127.0.0.1").port(0).dcbPort(-1).build();
            return new EmbeddedServer(dir, VeriDbServer.start(config));
        } catch (IOException e) {
            delete(dir);
            throw new UncheckedIOException("cannot start the embedded server in " + dir, e);
        }
    }

    /** {@code 127.0.0.1:<port>}. */
    public String address() {
        return "127.0.0.1:" + server.port();
    }

    @Override
    public void close() {
        try {
            server.close();
        } finally {
            delete(dir);
        }
    }

    private static void delete(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            // Best effort: a leftover temporary directory is harmless.
        }
    }
}
