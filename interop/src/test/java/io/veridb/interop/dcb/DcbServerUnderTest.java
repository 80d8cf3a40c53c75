package io.veridb.interop.dcb;

import io.veridb.server.ServerConfig;
import io.veridb.server.ServerConfigBuilder;
import io.veridb.server.VeriDbServer;
import java.nio.file.Path;

/** VeriDB started in this JVM by {@link VeriDbServer#start}: temp dir, ephemeral main and DCB ports. */
final class DcbServerUnderTest implements AutoCloseable {
    private final VeriDbServer server;

    private DcbServerUnderTest(VeriDbServer server) {
        this.server = server;
    }

    static DcbServerUnderTest plaintext(Path dir) throws Exception {
        return new DcbServerUnderTest(VeriDbServer.start(base(dir).build()));
    }

    /** TLS on both ports with a server certificate, and an API key on the DCB services. */
    static DcbServerUnderTest tlsWithApiKey(Path dir, SelfSignedTls tls, String apiKey) throws Exception {
        ServerConfig config = base(dir).certificate(tls.certificate()).pkey(tls.key()).dcbApiKey(apiKey).build();
        return new DcbServerUnderTest(VeriDbServer.start(config));
    }

    private static ServerConfigBuilder base(Path dir) {
        return ServerConfig.builder().dir(dir).address("127.0.0.1").port(0).dcbPort(0);
    }

    int dcbPort() {
        return server.dcbPort();
    }

    int mainPort() {
        return server.port();
    }

    @Override
    public void close() throws Exception {
        server.close();
    }
}
