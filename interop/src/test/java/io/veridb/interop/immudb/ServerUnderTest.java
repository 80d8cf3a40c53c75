package io.veridb.interop.immudb;

import java.nio.file.Path;

/**
 * The immudb-protocol server an interop test talks to: VeriDB in this JVM (the default), or, when the system property
 * {@value #IMMUDB_BINARY_PROPERTY} names an immudb server binary, the real immudb as a child process — which checks
 * the client programs themselves against the reference implementation.
 */
interface ServerUnderTest extends AutoCloseable {

    String IMMUDB_BINARY_PROPERTY = "veridb.interop.immudbServer";

    /** True unless the tests were pointed at a real immudb binary. */
    static boolean targetIsVeriDb() {
        return System.getProperty(IMMUDB_BINARY_PROPERTY, "").isEmpty();
    }

    /** Starts a server on an ephemeral port over {@code dataDir}, signing states with {@code key}. */
    static ServerUnderTest start(Path dataDir, SigningKey key) throws Exception {
        String immudb = System.getProperty(IMMUDB_BINARY_PROPERTY, "");
        return immudb.isEmpty()
                ? VeriDbUnderTest.start(dataDir, key)
                : ImmudbUnderTest.start(Path.of(immudb), dataDir, key);
    }

    String host();

    int port();

    /** The server identity clients see (OpenSession serverUUID, {@code immudb-uuid} header). */
    String uuid();

    Path dataDir();

    /** Stops the server; {@link #restart()} starts it again on the same data directory and port. */
    void stop() throws Exception;

    void restart() throws Exception;

    @Override
    void close() throws Exception;
}
