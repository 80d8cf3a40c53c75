package io.veridb.cli;

import io.veridb.server.ServerConfig;
import io.veridb.server.ServerConfigBuilder;
import io.veridb.server.VeriDbServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * An in-process VeriDB server for end-to-end CLI tests (127.0.0.1, ephemeral port, DCB port off, default sysadmin
 * password), plus the connection flags every CLI invocation against it needs: its address, the password, an
 * empty config file (so a developer's ~/.veridb/client.toml never leaks in) and a state directory.
 */
public final class RunningServer implements AutoCloseable {

    private final Path dir;
    private final Path config;
    private final UnaryOperator<ServerConfigBuilder> options;
    private VeriDbServer server;

    private RunningServer(Path dir, Path config, UnaryOperator<ServerConfigBuilder> options) throws IOException {
        this.dir = dir;
        this.config = config;
        this.options = options;
        this.server = VeriDbServer.start(config());
    }

    /** Starts a server with its data in {@code root/data}. */
    public static RunningServer start(Path root) throws IOException {
        return start(root, b -> b);
    }

    /** As {@link #start(Path)}, with further server options. */
    public static RunningServer start(Path root, UnaryOperator<ServerConfigBuilder> options) throws IOException {
        return new RunningServer(root.resolve("data"), Files.writeString(root.resolve("client.toml"), ""), options);
    }

    private ServerConfig config() {
        return options.apply(ServerConfig.builder().dir(dir).address("127.0.0.1").port(0).dcbPort(-1)).build();
    }

    /** The data directory. */
    public Path dir() {
        return dir;
    }

    /** {@code 127.0.0.1:<port>}. */
    public String address() {
        return "127.0.0.1:" + server.port();
    }

    /** The server's persistent identity. */
    public String uuid() {
        return server.uuid();
    }

    /** Stops the server (data stays). */
    public void stop() {
        server.close();
    }

    /** Starts the server again on the same data directory (on a new ephemeral port). */
    public void restart() {
        try {
            server = VeriDbServer.start(config());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * {@code veridb <command> --address … --password immudb --config … --state-dir <stateDir> <rest…>}: the
     * connection flags go right after the command name.
     */
    public String[] args(Path stateDir, String command, String... rest) {
        List<String> a = new ArrayList<>(List.of(command, "--address", address(), "--password", "immudb",
                "--config", config.toString(), "--state-dir", stateDir.toString()));
        a.addAll(Arrays.asList(rest));
        return a.toArray(String[]::new);
    }

    /** Runs {@link #args} and returns the captured run. */
    public CliRun run(Path stateDir, String command, String... rest) {
        return CliRun.of(args(stateDir, command, rest));
    }

    @Override
    public void close() {
        server.close();
    }
}
