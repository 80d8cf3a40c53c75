package io.veridb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class ServerCommandTest {
    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void helpListsEveryOptionWithItsDefaultAndEnvironmentName() {
        assertThat(run("server", "--help")).isZero();
        String help = out.toString();
        assertThat(help).contains("--dir", "./data", "IMMUDB_DIR");
        assertThat(help).contains("-p, --port", "3322", "IMMUDB_PORT");
        assertThat(help).contains("-a, --address", "0.0.0.0");
        assertThat(help).contains("--dcb-port", "50051", "--dcb-database", "--dcb-api-key", "--dcb-address");
        assertThat(help).contains("--admin-password", "--force-admin-password", "--auth", "--max-sessions", "100");
        assertThat(help).contains("--max-session-inactivity-time", "3m", "--session-timeout", "2m");
        assertThat(help).contains("--token-expiry-time", "1440", "--max-recv-msg-size", "33554432");
        assertThat(help).contains("--mtls", "--certificate", "--pkey", "--clientcas", "--signingKey",
                "IMMUDB_SIGNINGKEY");
        assertThat(help).contains("--maintenance", "--config",
                "Precedence: flag > environment > config file > default.");
    }

    @Test
    void invalidValueExitsWithTwoAndNamesTheOptionAndItsSource() {
        assertThat(run("server", "--dir", dir.toString(), "--port", "notanumber")).isEqualTo(2);
        assertThat(err.toString()).contains("invalid value 'notanumber' for port (from flag --port)");
    }

    @Test
    void servesUntilInterruptedThenStopsCleanly() throws Exception {
        // A port found free can be taken by another process before the server binds it; the server then cannot
        // start (exit 1, "cannot start"), and the test tries another port instead of failing.
        for (int attempt = 1; ; attempt++) {
            int port = freePort();
            if (serveUntilInterrupted(port, attempt < 5)) {
                return;
            }
            out.getBuffer().setLength(0);
            err.getBuffer().setLength(0);
        }
    }

    /** Runs the server on {@code port}; false if it could not bind the port and {@code mayRetry}. */
    private boolean serveUntilInterrupted(int port, boolean mayRetry) throws Exception {
        AtomicInteger exit = new AtomicInteger(-1);
        Thread t = new Thread(() -> exit.set(run("server", "--dir", dir.toString(), "--address", "127.0.0.1",
                "--port", String.valueOf(port), "--dcb-port", "-1")), "server-command-test");
        t.start();
        ManagedChannel ch = ManagedChannelBuilder.forAddress("127.0.0.1", port).usePlaintext().build();
        try {
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
            boolean up = false;
            while (!up && t.isAlive() && System.nanoTime() < deadline) {
                try {
                    up = ImmuServiceGrpc.newBlockingStub(ch).withDeadlineAfter(2, TimeUnit.SECONDS)
                            .health(Empty.getDefaultInstance()).getStatus();
                } catch (RuntimeException e) {
                    Thread.sleep(200);
                }
            }
            if (!up && mayRetry && !t.isAlive() && exit.get() == 1 && err.toString().contains("cannot start")) {
                return false;
            }
            assertThat(up).as("serving; stderr: %s", err).isTrue();
            assertThat(out.toString()).contains("VeriDB listening on 127.0.0.1:" + port);
        } finally {
            ch.shutdownNow();
            t.interrupt();
            t.join(30_000);
        }
        assertThat(t.isAlive()).isFalse();
        assertThat(exit.get()).isZero();
        assertThat(dir.resolve("immudb.identifier")).exists();
        assertThat(dir.resolve("defaultdb")).isDirectory();
        return true;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
