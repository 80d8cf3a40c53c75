package io.veridb.server.immu;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** Formats instants as Go's {@code time.Time.String()} does in UTC (immudb's {@code User.createdat}). */
final class GoTime {
    private static final DateTimeFormatter BASE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneOffset.UTC);

    private GoTime() {}

    /** E.g. {@code 2024-05-01 10:00:00.1234 +0000 UTC} (fraction trimmed of trailing zeros, absent if zero). */
    static String format(Instant t) {
        StringBuilder s = new StringBuilder(BASE.format(t));
        int nanos = t.getNano();
        if (nanos != 0) {
            String frac = String.format("%09d", nanos);
            int end = frac.length();
            while (frac.charAt(end - 1) == '0') {
                end--;
            }
            s.append('.').append(frac, 0, end);
        }
        return s.append(" +0000 UTC").toString();
    }
}
