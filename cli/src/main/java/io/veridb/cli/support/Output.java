package io.veridb.cli.support;

import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Where a command prints: results to {@code out}, diagnostics to {@code err}. In text mode a record is printed as
 * aligned {@code name: value} lines and a list as records separated by blank lines; in JSON mode every result is
 * exactly one line holding one JSON object, and errors are a JSON object on {@code out} too (so a script reads a
 * single stream). Not thread-safe.
 */
public final class Output {

    private final PrintWriter out;
    private final PrintWriter err;
    private final boolean json;

    public Output(PrintWriter out, PrintWriter err, boolean json) {
        this.out = out;
        this.err = err;
        this.json = json;
    }

    /** True when results are printed as JSON. */
    public boolean json() {
        return json;
    }

    /** The diagnostics stream (progress bars, warnings). */
    public PrintWriter err() {
        return err;
    }

    /** Prints one result record. */
    public void record(Fields f) {
        if (json) {
            out.println(Json.write(f.toJsonTree()));
        } else {
            printText(f, "");
        }
        out.flush();
    }

    /**
     * Prints a list of records: JSON {@code {"<name>": [...], "count": n}} or, in text, the records separated by
     * blank lines followed by nothing (an empty list prints {@code emptyText}).
     */
    public void list(String name, List<Fields> items, String emptyText) {
        if (json) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put(name, items.stream().map(Fields::toJsonTree).toList());
            tree.put("count", items.size());
            out.println(Json.write(tree));
        } else if (items.isEmpty()) {
            out.println(emptyText);
        } else {
            for (int i = 0; i < items.size(); i++) {
                if (i > 0) {
                    out.println();
                }
                printText(items.get(i), "");
            }
        }
        out.flush();
    }

    /** Prints a line of text in text mode only (JSON mode prints records only). */
    public void text(String line) {
        if (!json) {
            out.println(line);
            out.flush();
        }
    }

    /** Reports a failure with the exit code it leads to. */
    public void error(String command, String message, int exitCode) {
        if (json) {
            Map<String, Object> tree = new LinkedHashMap<>();
            tree.put("error", message);
            tree.put("exitCode", exitCode);
            out.println(Json.write(tree));
            out.flush();
        } else {
            err.println(command + ": " + message);
            err.flush();
        }
    }

    private void printText(Fields f, String indent) {
        int width = f.values().keySet().stream().mapToInt(String::length).max().orElse(0) + 1;
        f.values().forEach((name, v) -> {
            String label = indent + pad(name + ":", width);
            if (v instanceof Fields nested) {
                out.println(indent + name + ":");
                printText(nested, indent + "  ");
            } else if (v instanceof List<?> l && !l.isEmpty() && l.get(0) instanceof Fields) {
                out.println(indent + name + ":");
                for (Object item : l) {
                    printText((Fields) item, indent + "  ");
                    out.println();
                }
            } else if (v instanceof List<?> l) {
                out.println(label + " " + l.stream().map(String::valueOf).collect(Collectors.joining(", ")));
            } else {
                out.println(label + " " + v);
            }
        });
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }
}
