package io.veridb.cli.support;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ordered record of named values that {@link Output} prints as aligned {@code name: value} lines or as one JSON
 * object. Values are strings, numbers, booleans, {@link BytesValue}s, nested {@code Fields} or lists of those. A
 * bytes field that is not UTF-8 becomes {@code <name>Base64} in JSON; inside a list (where there is no name to
 * suffix) it becomes the string {@code "base64:<data>"}. Not thread-safe.
 */
public final class Fields {

    private final Map<String, Object> values = new LinkedHashMap<>();

    /** An empty record. */
    public static Fields of() {
        return new Fields();
    }

    /** Adds (or replaces) {@code name}. */
    public Fields put(String name, Object value) {
        values.put(name, value);
        return this;
    }

    /** Adds user bytes under {@code name}, rendered as described in {@link BytesValue}. */
    public Fields bytes(String name, byte[] value) {
        return put(name, new BytesValue(value.clone()));
    }

    /** Adds a list of nested records. */
    public Fields list(String name, List<Fields> items) {
        return put(name, List.copyOf(items));
    }

    /** The values in insertion order (read-only view). */
    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    /** The record as plain maps and lists for {@link Json}: bytes fields expanded per {@link BytesValue}. */
    public Map<String, Object> toJsonTree() {
        Map<String, Object> out = new LinkedHashMap<>();
        values.forEach((name, v) -> {
            if (v instanceof BytesValue b) {
                b.utf8().ifPresentOrElse(s -> out.put(name, s), () -> out.put(name + "Base64", b.base64()));
            } else {
                out.put(name, jsonValue(v));
            }
        });
        return out;
    }

    private static Object jsonValue(Object v) {
        if (v instanceof Fields f) {
            return f.toJsonTree();
        }
        if (v instanceof List<?> l) {
            return l.stream().map(Fields::jsonValue).toList();
        }
        if (v instanceof BytesValue b) {
            return b.utf8().orElseGet(() -> "base64:" + b.base64());
        }
        return v;
    }
}
