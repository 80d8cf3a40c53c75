package io.veridb.server.config;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses durations written as Go (and so immudb) writes them: a sequence of decimal numbers with units
 * {@code ns us µs ms s m h}, e.g. {@code 2m}, {@code 1h30m}, {@code 1.5s}, {@code 2m0s}; {@code 0} alone is zero.
 * A bare number is taken as seconds.
 */
final class Durations {
    private static final Pattern PART = Pattern.compile("(\\d+(?:\\.\\d+)?)(ns|us|µs|ms|s|m|h)");
    private static final Pattern NUMBER = Pattern.compile("\\d+");

    private Durations() {}

    static Duration parse(String text) {
        String s = text.trim();
        if (NUMBER.matcher(s).matches()) {
            return Duration.ofSeconds(Long.parseLong(s));
        }
        Matcher m = PART.matcher(s);
        int pos = 0;
        BigDecimal nanos = BigDecimal.ZERO;
        while (pos < s.length()) {
            if (!m.find(pos) || m.start() != pos) {
                throw new IllegalArgumentException("invalid duration '" + text + "' (examples: 90s, 2m, 1h30m, 500ms)");
            }
            nanos = nanos.add(new BigDecimal(m.group(1)).multiply(BigDecimal.valueOf(unitNanos(m.group(2)))));
            pos = m.end();
        }
        if (pos == 0) {
            throw new IllegalArgumentException("invalid duration '" + text + "' (examples: 90s, 2m, 1h30m, 500ms)");
        }
        return Duration.ofNanos(nanos.longValueExact());
    }

    /** Formats as Go would for whole units: {@code 2m0s}, {@code 1h0m0s}, {@code 500ms}. */
    static String format(Duration d) {
        if (d.isZero()) {
            return "0s";
        }
        long totalMillis = d.toMillis();
        if (totalMillis < 1000) {
            return totalMillis + "ms";
        }
        long h = d.toHours();
        long m = d.toMinutesPart();
        long s = d.toSecondsPart();
        StringBuilder out = new StringBuilder();
        if (h > 0) {
            out.append(h).append('h');
        }
        if (h > 0 || m > 0) {
            out.append(m).append('m');
        }
        out.append(s).append('s');
        return out.toString();
    }

    private static long unitNanos(String unit) {
        switch (unit) {
            case "ns":
                return 1L;
            case "us":
            case "µs":
                return 1_000L;
            case "ms":
                return 1_000_000L;
            case "s":
                return 1_000_000_000L;
            case "m":
                return 60_000_000_000L;
            default:
                return 3_600_000_000_000L;
        }
    }
}
