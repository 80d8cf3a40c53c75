package io.veridb.cli.support;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps library logging out of command output: the SDK and gRPC log at INFO (for example "pinned server ..."),
 * which a command-line user should not see. Left alone when {@code VERIDB_LOG_LEVEL} is set.
 */
public final class CliLogging {

    private CliLogging() {}

    /** Raises the SDK, server and gRPC loggers to WARN unless the user chose a level. */
    public static void quiet() {
        if (System.getenv("VERIDB_LOG_LEVEL") != null) {
            return;
        }
        for (String name : new String[] {"io.veridb.client", "io.veridb.server", "io.veridb.ledger", "io.grpc",
            "io.netty"}) {
            if (LoggerFactory.getLogger(name) instanceof Logger l) {
                l.setLevel(Level.WARN);
            }
        }
    }
}
