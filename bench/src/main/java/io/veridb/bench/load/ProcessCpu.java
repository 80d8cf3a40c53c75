package io.veridb.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * CPU time a local process has used, from {@code /proc/<pid>/stat} (utime + stime, fields 14 and 15), so that a
 * run can report the server's CPU cost per request next to its throughput. Linux only; clock ticks are taken as
 * 1/100 s (USER_HZ on every mainstream Linux build), so one reading is exact to 10 ms.
 */
public final class ProcessCpu {

    private static final double SECONDS_PER_TICK = 0.01;

    private final Path stat;

    public ProcessCpu(long pid) {
        this.stat = Path.of("/proc", Long.toString(pid), "stat");
    }

    /** User plus system CPU seconds used so far. */
    public double seconds() {
        try {
            return ticks(Files.readString(stat, StandardCharsets.US_ASCII)) * SECONDS_PER_TICK;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + stat, e);
        }
    }

    /** utime + stime of one stat line; the command name (field 2) may hold spaces, so fields count from its ')'. */
    static long ticks(String statLine) {
        String[] f = statLine.substring(statLine.lastIndexOf(')') + 2).trim().split(" +");
        // f[0] is field 3 (state), so field n is f[n - 3]
        return Long.parseLong(f[14 - 3]) + Long.parseLong(f[15 - 3]);
    }
}
