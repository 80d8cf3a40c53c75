package io.veridb.interop.immudb;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The real immudb server as a child process (only when {@value ServerUnderTest#IMMUDB_BINARY_PROPERTY} is set), with
 * the web, metrics and pgsql servers off. Its output goes to {@code <dataDir>.log}.
 */
final class ImmudbUnderTest implements ServerUnderTest {

    private static final String XID_ALPHABET = "0123456789abcdefghijklmnopqrstuv";

    private final Path binary;
    private final Path dir;
    private final SigningKey key;
    private final int port;
    private Process process;

    private ImmudbUnderTest(Path binary, Path dir, SigningKey key, int port) {
        this.binary = binary;
        this.dir = dir;
        this.key = key;
        this.port = port;
    }

    static ImmudbUnderTest start(Path binary, Path dir, SigningKey key) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ImmudbUnderTest s = new ImmudbUnderTest(binary, dir, key, port);
        s.launch();
        return s;
    }

    private void launch() throws IOException, InterruptedException {
        Files.createDirectories(dir);
        Path log = dir.resolveSibling(dir.getFileName() + ".log");
        process = new ProcessBuilder(List.of(binary.toString(), "--dir", dir.toString(), "--address", "127.0.0.1",
                        "--port", Integer.toString(port), "--pgsql-server=false", "--web-server=false",
                        "--metrics-server=false", "--signingKey", key.privateKeyPem().toString(),
                        "--logdir", dir.resolveSibling(dir.getFileName() + "-immulog").toString()))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (System.nanoTime() < deadline) {
            if (!process.isAlive()) {
                throw new IllegalStateException("immudb exited with " + process.exitValue() + ", see " + log);
            }
            if (Files.exists(dir.resolve("immudb.identifier")) && accepts()) {
                return;
            }
            Thread.sleep(100);
        }
        throw new IllegalStateException("immudb did not accept connections on port " + port + " within 30 s");
    }

    private boolean accepts() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", port), 200);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    /** immudb keeps the 12 raw bytes of an xid in {@code immudb.identifier}; clients see its base32hex text. */
    @Override
    public String uuid() {
        try {
            byte[] id = Files.readAllBytes(dir.resolve("immudb.identifier"));
            StringBuilder sb = new StringBuilder();
            int buffer = 0;
            int bits = 0;
            for (byte b : id) {
                buffer = (buffer << 8) | (b & 0xFF);
                bits += 8;
                while (bits >= 5) {
                    sb.append(XID_ALPHABET.charAt((buffer >>> (bits - 5)) & 31));
                    bits -= 5;
                }
            }
            if (bits > 0) {
                sb.append(XID_ALPHABET.charAt((buffer << (5 - bits)) & 31));
            }
            return sb.toString();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read immudb.identifier in " + dir, e);
        }
    }

    @Override
    public Path dataDir() {
        return dir;
    }

    @Override
    public void stop() throws Exception {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(20, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
            process = null;
        }
    }

    @Override
    public void restart() throws Exception {
        stop();
        launch();
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    @Override
    public String toString() {
        return "immudb " + binary + " on 127.0.0.1:" + port + " over " + dir;
    }
}
