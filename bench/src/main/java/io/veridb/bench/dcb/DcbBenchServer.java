package io.veridb.bench.dcb;

import io.veridb.server.ServerConfig;
import io.veridb.server.VeriDbServer;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Starts VeriDB for the DCB benchmark: {@code DcbBenchServer dataDir dcbPort}; the main port is ephemeral. Runs
 * until the process is stopped (SIGTERM closes it cleanly).
 */
public final class DcbBenchServer {
    private static final Logger LOG = LoggerFactory.getLogger(DcbBenchServer.class);

    private DcbBenchServer() {}

    public static void main(String[] args) throws Exception {
        ServerConfig config = ServerConfig.builder().dir(Path.of(args[0])).address("127.0.0.1").port(0)
                .dcbPort(Integer.parseInt(args[1])).build();
        VeriDbServer server = VeriDbServer.start(config);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                server.close();
            } catch (Exception e) {
                LOG.warn("close failed", e);
            }
            stopped.countDown();
        }, "dcb-bench-shutdown"));
        LOG.info("VeriDB DCB benchmark server on port {}", server.dcbPort());
        stopped.await();
    }
}
