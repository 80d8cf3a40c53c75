package io.veridb.cli.support;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.tomlj.Toml;
import org.tomlj.TomlParseResult;

/**
 * The client configuration file, TOML with top-level keys only:
 *
 * <pre>
 * address    = "db.example.com:3322"    # string, host:port
 * username   = "alice"                  # string
 * password   = "..."                    # string; keep the file private (chmod 600)
 * database   = "orders"                 # string
 * tls        = true                     # boolean
 * ca         = "ca.pem"                 # path; relative paths are relative to this file
 * cert       = "alice.pem"              # path
 * key        = "alice.key"              # path (PKCS#8 PEM)
 * server-key = "server-pub.pem"         # path
 * state-dir  = "/var/lib/veridb/state"  # path
 * </pre>
 *
 * Unknown keys and wrong types are errors, so a typo never silently falls back to a default.
 */
public final class ConfigFile {

    static final List<String> STRING_KEYS = List.of("address", "username", "password", "database");
    static final List<String> PATH_KEYS = List.of("ca", "cert", "key", "server-key", "state-dir");
    static final String TLS = "tls";

    private ConfigFile() {}

    /**
     * Reads {@code file}; the result maps each key present to its value (paths resolved, booleans as
     * {@code "true"}/{@code "false"}).
     *
     * @throws UsageException if the file cannot be read or is not valid
     */
    public static Map<String, String> read(Path file) {
        String text;
        try {
            text = Files.readString(file);
        } catch (IOException e) {
            throw new UsageException("cannot read config file " + file + ": " + e, e);
        }
        TomlParseResult toml = Toml.parse(text);
        if (toml.hasErrors()) {
            throw new UsageException("config file " + file + " is not valid TOML: " + toml.errors().get(0));
        }
        Map<String, String> out = new LinkedHashMap<>();
        for (String k : toml.keySet()) {
            Object v = toml.get(List.of(k));
            if (STRING_KEYS.contains(k)) {
                out.put(k, requireType(file, k, v, String.class));
            } else if (PATH_KEYS.contains(k)) {
                Path p = Path.of(requireType(file, k, v, String.class));
                Path dir = file.toAbsolutePath().getParent();
                out.put(k, (p.isAbsolute() || dir == null ? p : dir.resolve(p)).toString());
            } else if (TLS.equals(k)) {
                out.put(k, requireType(file, k, v, Boolean.class).toString());
            } else {
                Set<String> known = new TreeSet<>(STRING_KEYS);
                known.addAll(PATH_KEYS);
                known.add(TLS);
                throw new UsageException("config file " + file + ": unknown key '" + k + "', want one of " + known);
            }
        }
        return out;
    }

    private static <T> T requireType(Path file, String key, Object v, Class<T> type) {
        if (!type.isInstance(v)) {
            throw new UsageException("config file " + file + ": key '" + key + "' is "
                    + (v == null ? "a table" : v.getClass().getSimpleName()) + ", want " + type.getSimpleName());
        }
        return type.cast(v);
    }
}
