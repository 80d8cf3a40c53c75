package io.veridb.proofs;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Just enough JSON (objects, arrays, strings without escapes, integers) to read the test vector files. */
final class MiniJson {

    private final String s;
    private int i;

    private MiniJson(String s) {
        this.s = s;
    }

    static Object parse(String text) {
        MiniJson p = new MiniJson(text);
        Object v = p.value();
        p.ws();
        if (p.i != text.length()) {
            throw new IllegalArgumentException("trailing data at " + p.i);
        }
        return v;
    }

    private Object value() {
        ws();
        char c = s.charAt(i);
        if (c == '{') {
            return object();
        }
        if (c == '[') {
            return array();
        }
        if (c == '"') {
            return string();
        }
        int start = i;
        while (i < s.length() && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '-')) {
            i++;
        }
        if (start == i) {
            throw new IllegalArgumentException("unexpected '" + c + "' at " + i);
        }
        return Long.parseLong(s.substring(start, i));
    }

    private Map<String, Object> object() {
        Map<String, Object> m = new LinkedHashMap<>();
        expect('{');
        ws();
        if (s.charAt(i) == '}') {
            i++;
            return m;
        }
        do {
            ws();
            String k = string();
            ws();
            expect(':');
            m.put(k, value());
            ws();
        } while (s.charAt(i++) == ',');
        if (s.charAt(i - 1) != '}') {
            throw new IllegalArgumentException("expected } at " + (i - 1));
        }
        return m;
    }

    private List<Object> array() {
        List<Object> l = new ArrayList<>();
        expect('[');
        ws();
        if (s.charAt(i) == ']') {
            i++;
            return l;
        }
        do {
            l.add(value());
            ws();
        } while (s.charAt(i++) == ',');
        if (s.charAt(i - 1) != ']') {
            throw new IllegalArgumentException("expected ] at " + (i - 1));
        }
        return l;
    }

    private String string() {
        expect('"');
        int end = s.indexOf('"', i);
        String v = s.substring(i, end);
        i = end + 1;
        return v;
    }

    private void expect(char c) {
        if (s.charAt(i) != c) {
            throw new IllegalArgumentException("expected " + c + " at " + i + ", got " + s.charAt(i));
        }
        i++;
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }
}
