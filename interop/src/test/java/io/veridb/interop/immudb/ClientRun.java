package io.veridb.interop.immudb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs one external program (a real SDK client, or a toolchain step) to completion with a time limit and captures
 * its standard output and error, interleaved, as one text.
 *
 * @param command the program and its arguments
 * @param exitCode the exit status; -1 when the time limit was hit (the process tree is then killed)
 * @param output everything the program wrote to stdout and stderr (UTF-8)
 * @param elapsed wall-clock time
 */
record ClientRun(List<String> command, int exitCode, String output, Duration elapsed) {

    private static final Logger LOG = LoggerFactory.getLogger(ClientRun.class);

    ClientRun {
        command = List.copyOf(command);
    }

    /**
     * Runs {@code command} in {@code dir} with {@code env} added to this JVM's environment.
     *
     * @throws IOException if the program cannot be started at all
     */
    static ClientRun run(List<String> command, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        long start = System.nanoTime();
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        LOG.info("running {} (in {})", String.join(" ", command), dir);
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> copy(p.getInputStream(), out), "client-output-" + p.pid());
        pump.setDaemon(true);
        pump.start();
        boolean finished = p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!finished) {
            p.descendants().forEach(ProcessHandle::destroyForcibly);
            p.destroyForcibly();
            p.waitFor(10, TimeUnit.SECONDS);
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        String text;
        synchronized (out) {
            text = out.toString(StandardCharsets.UTF_8);
        }
        if (!finished) {
            text += "\nTIMEOUT after " + timeout + " (process killed)\n";
        }
        ClientRun r = new ClientRun(command, finished ? p.exitValue() : -1, text,
                Duration.ofNanos(System.nanoTime() - start));
        LOG.info("{} exited with {} after {} ms", command.get(0), r.exitCode(), r.elapsed().toMillis());
        return r;
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) >= 0; ) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            synchronized (out) {
                byte[] msg = ("\n[output pump failed: " + e + "]\n").getBytes(StandardCharsets.UTF_8);
                out.write(msg, 0, msg.length);
            }
        }
    }

    /** A description for assertion messages: the command, exit status, time and the full output. */
    String describe() {
        return "command: " + String.join(" ", command) + "\nexit code: " + exitCode + " after "
                + elapsed.toMillis() + " ms\n----- client output -----\n" + output + "----- end of client output -----";
    }

    /** The first output line starting with {@code prefix}, or null. */
    String line(String prefix) {
        return output.lines().filter(l -> l.startsWith(prefix)).findFirst().orElse(null);
    }

    /**
     * Fails (with the whole output in the message and in the test log) unless the program exited with 0 and printed
     * every one of {@code expectedLines} as a line of its own.
     */
    ClientRun assertSucceeded(String... expectedLines) {
        List<String> lines = output.lines().toList();
        StringBuilder problems = new StringBuilder();
        if (exitCode != 0) {
            problems.append("exit code ").append(exitCode).append(", want 0; ");
        }
        for (String want : expectedLines) {
            if (!lines.contains(want)) {
                problems.append("missing output line \"").append(want).append("\"; ");
            }
        }
        if (problems.length() > 0) {
            LOG.error("client failed: {}\n{}", problems, describe());
            throw new AssertionError(problems + "\n" + describe());
        }
        LOG.info("client output:\n{}", output);
        return this;
    }
}
