package io.veridb.interop.dcb;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One external program run to completion within a time limit, stdout and stderr captured together.
 *
 * @param command program and arguments
 * @param exitCode exit status, -1 when the time limit killed it
 * @param output everything it printed (UTF-8)
 */
record ProcessRun(List<String> command, int exitCode, String output) {
    ProcessRun {
        command = List.copyOf(command);
    }

    static ProcessRun run(List<String> command, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().putAll(env);
        Process process = pb.start();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Thread pump = new Thread(() -> copy(process.getInputStream(), out), "dcb-interop-output");
        pump.setDaemon(true);
        pump.start();
        boolean done = process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (!done) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            process.waitFor(10, TimeUnit.SECONDS);
        }
        pump.join(TimeUnit.SECONDS.toMillis(10));
        String text;
        synchronized (out) {
            text = out.toString(StandardCharsets.UTF_8);
        }
        return new ProcessRun(command, done ? process.exitValue() : -1, text);
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) {
        byte[] buf = new byte[8192];
        try (in) {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (out) {
                    out.write(buf, 0, n);
                }
            }
        } catch (IOException e) {
            // the process ended; what was read is kept
        }
    }

    /** For assertion messages. */
    String describe() {
        return "command " + command + " exited " + exitCode + ":\n" + output;
    }
}
