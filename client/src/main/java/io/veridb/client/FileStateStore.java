package io.veridb.client;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A {@link StateStore} in a directory, surviving client restarts. One file per (server UUID, database) named
 * {@code state-<uuid>-<database>} and one file {@code identities} with the pinned UUID of each address, all in
 * {@link StateFileFormat} and replaced atomically ({@link AtomicFiles}): a crash leaves the previous or the new
 * state, and a damaged file is reported, never silently replaced by a fresh (trust-on-first-use) state.
 * Names are escaped to {@code [a-z0-9_]} plus {@code %XX}. Thread-safe within one process.
 */
public final class FileStateStore implements StateStore {

    private static final Logger LOG = LoggerFactory.getLogger(FileStateStore.class);
    static final String IDENTITIES = "identities";

    private final Path dir;

    /** Uses (and creates) {@code dir}. */
    public FileStateStore(Path dir) {
        this.dir = Objects.requireNonNull(dir, "dir").toAbsolutePath();
        try {
            Files.createDirectories(this.dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create state directory " + this.dir, e);
        }
    }

    /** The directory. */
    public Path directory() {
        return dir;
    }

    @Override
    public synchronized Optional<DatabaseState> load(String serverUuid, String database) {
        Path file = stateFile(serverUuid, database);
        Optional<Map<String, String>> fields = read(file);
        if (fields.isEmpty()) {
            return Optional.empty();
        }
        Map<String, String> f = fields.get();
        try {
            if (!serverUuid.equals(f.get("server")) || !database.equals(f.get("database"))) {
                throw new IllegalArgumentException("holds server=" + f.get("server") + " database="
                        + f.get("database") + ", want server=" + serverUuid + " database=" + database);
            }
            return Optional.of(new DatabaseState(database, Long.parseLong(field(f, "txId")),
                    Bytes.unhex(field(f, "alh")), Bytes.unhex(field(f, "signature"))));
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("damaged trusted state file " + file + ": " + e, e));
        }
    }

    @Override
    public synchronized void save(String serverUuid, DatabaseState state) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("server", Objects.requireNonNull(serverUuid, "serverUuid"));
        f.put("database", state.database());
        f.put("txId", Long.toString(state.txId()));
        f.put("alh", Bytes.hex(state.alh()));
        f.put("signature", Bytes.hex(state.signature()));
        Path file = stateFile(serverUuid, state.database());
        write(file, f);
        LOG.debug("saved trusted state {} for server {} in {}", state, serverUuid, file);
    }

    @Override
    public synchronized Optional<String> pinnedIdentity(String address) {
        return Optional.ofNullable(pins().get(Objects.requireNonNull(address, "address")));
    }

    @Override
    public synchronized void pin(String address, String serverUuid) {
        Map<String, String> pins = pins();
        pins.put(Objects.requireNonNull(address, "address"), Objects.requireNonNull(serverUuid, "serverUuid"));
        writePins(pins);
    }

    @Override
    public synchronized void unpin(String address) {
        Map<String, String> pins = pins();
        if (pins.remove(Objects.requireNonNull(address, "address")) != null) {
            writePins(pins);
        }
    }

    private static String field(Map<String, String> f, String key) {
        String v = f.get(key);
        if (v == null) {
            throw new IllegalArgumentException("field " + key + " missing");
        }
        return v;
    }

    private Map<String, String> pins() {
        Map<String, String> pins = new LinkedHashMap<>();
        Optional<Map<String, String>> fields = read(dir.resolve(IDENTITIES));
        if (fields.isEmpty()) {
            return pins;
        }
        Map<String, String> f = fields.get();
        for (int i = 0; f.containsKey("pin." + i + ".address"); i++) {
            String uuid = f.get("pin." + i + ".uuid");
            if (uuid == null) {
                throw new UncheckedIOException(new IOException(
                        "damaged identity file " + dir.resolve(IDENTITIES) + ": pin." + i + ".uuid missing"));
            }
            pins.put(f.get("pin." + i + ".address"), uuid);
        }
        return pins;
    }

    private void writePins(Map<String, String> pins) {
        Map<String, String> f = new LinkedHashMap<>();
        int i = 0;
        for (Map.Entry<String, String> p : pins.entrySet()) {
            f.put("pin." + i + ".address", p.getKey());
            f.put("pin." + i + ".uuid", p.getValue());
            i++;
        }
        write(dir.resolve(IDENTITIES), f);
    }

    Path stateFile(String serverUuid, String database) {
        return dir.resolve("state-" + escape(Objects.requireNonNull(serverUuid, "serverUuid")) + "-"
                + escape(Objects.requireNonNull(database, "database")));
    }

    private static Optional<Map<String, String>> read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        try {
            return Optional.of(StateFileFormat.read(file.toString(), bytes));
        } catch (IllegalArgumentException e) {
            throw new UncheckedIOException(new IOException("damaged file " + file + ": " + e.getMessage(), e));
        }
    }

    private static void write(Path file, Map<String, String> fields) {
        try {
            AtomicFiles.write(file, StateFileFormat.write(fields));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    /** Keeps {@code [a-z0-9_]}, writes every other UTF-8 byte as {@code %XX}: injective and path-safe. */
    static String escape(String s) {
        StringBuilder sb = new StringBuilder();
        for (byte b : s.getBytes(StandardCharsets.UTF_8)) {
            char c = (char) (b & 0xFF);
            if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_') {
                sb.append(c);
            } else {
                sb.append('%').append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
        }
        return sb.toString();
    }
}
