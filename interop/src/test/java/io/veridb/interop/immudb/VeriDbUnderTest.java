package io.veridb.interop.immudb;

import io.veridb.server.ServerConfig;
import io.veridb.server.VeriDbServer;
import java.io.IOException;
import java.net.BindException;
import java.nio.file.Path;

/** VeriDB started in this JVM through {@link VeriDbServer#start}, with the DCB port off. */
final class VeriDbUnderTest implements ServerUnderTest {

    private final Path dir;
    private final SigningKey key;
    private VeriDbServer server;
    private int port;

    private VeriDbUnderTest(Path dir, SigningKey key) {
        this.dir = dir;
        this.key = key;
    }

    static VeriDbUnderTest start(Path dir, SigningKey key) throws Exception {
        VeriDbUnderTest s = new VeriDbUnderTest(dir, key);
        s.launch(0);
        return s;
    }

    private void launch(int wantedPort) throws Exception {
        ServerConfig config = ServerConfig.builder()
                .dir(dir)
                .address("127.0.0.1")
                .port(wantedPort)
                .dcbPort(-1)
                .adminPassword("immudb")
                .signingKey(key.privateKeyPem())
                .build();
        // A restart reuses the port just released; give the kernel a moment if it is still held.
        for (int attempt = 1; ; attempt++) {
            try {
                server = VeriDbServer.start(config);
                break;
            } catch (Exception e) {
                if (wantedPort == 0 || attempt >= 20 || !isBindFailure(e)) {
                    throw e;
                }
                Thread.sleep(250);
            }
        }
        port = server.port();
    }

    private static boolean isBindFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof BindException || (t instanceof IOException && String.valueOf(t.getMessage())
                    .contains("Address already in use"))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public String uuid() {
        return server.uuid();
    }

    @Override
    public Path dataDir() {
        return dir;
    }

    @Override
    public void stop() throws Exception {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    @Override
    public void restart() throws Exception {
        stop();
        launch(port);
    }

    @Override
    public void close() throws Exception {
        stop();
    }

    @Override
    public String toString() {
        return "VeriDB in-process on 127.0.0.1:" + port + " over " + dir;
    }
}
