package io.veridb.cli.support;

import java.util.Collection;
import java.util.Iterator;
import java.util.Map;

/**
 * A tiny JSON writer for the {@code --json} output: {@link Map} (string keys, kept in iteration order) → object,
 * {@link Collection} → array, {@link CharSequence} → string, {@link Number} and {@link Boolean} → themselves,
 * null → {@code null}. Non-finite doubles become strings ({@code "NaN"}, {@code "Infinity"}), as JSON has no such
 * numbers. Anything else is written as its {@code toString()} string. Pure and thread-safe.
 */
public final class Json {

    private Json() {}

    /** {@code value} as one line of JSON. */
    public static String write(Object value) {
        StringBuilder sb = new StringBuilder();
        append(sb, value);
        return sb.toString();
    }

    private static void append(StringBuilder sb, Object v) {
        if (v == null) {
            sb.append("null");
        } else if (v instanceof Map<?, ?> m) {
            appendObject(sb, m);
        } else if (v instanceof Collection<?> c) {
            appendArray(sb, c);
        } else if (v instanceof Boolean b) {
            sb.append(b.booleanValue());
        } else if (v instanceof Double || v instanceof Float) {
            double d = ((Number) v).doubleValue();
            if (Double.isFinite(d)) {
                sb.append(d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d));
            } else {
                appendString(sb, Double.toString(d));
            }
        } else if (v instanceof Number n) {
            sb.append(n);
        } else {
            appendString(sb, v.toString());
        }
    }

    private static void appendObject(StringBuilder sb, Map<?, ?> m) {
        sb.append('{');
        Iterator<? extends Map.Entry<?, ?>> it = m.entrySet().iterator();
        while (it.hasNext()) {
            Map.Entry<?, ?> e = it.next();
            appendString(sb, String.valueOf(e.getKey()));
            sb.append(':');
            append(sb, e.getValue());
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        sb.append('}');
    }

    private static void appendArray(StringBuilder sb, Collection<?> c) {
        sb.append('[');
        Iterator<?> it = c.iterator();
        while (it.hasNext()) {
            append(sb, it.next());
            if (it.hasNext()) {
                sb.append(',');
            }
        }
        sb.append(']');
    }

    /** Appends {@code s} as a JSON string: quotes, backslash and control characters escaped (RFC 8259 §7). */
    static void appendString(StringBuilder sb, String s) {
        sb.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\r' -> sb.append("\\r");
                case '\t' -> sb.append("\\t");
                case '\b' -> sb.append("\\b");
                case '\f' -> sb.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        sb.append(String.format(java.util.Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        sb.append('"');
    }
}
