package io.veridb.cli.support;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.Properties;

/**
 * The database chosen with {@code veridb client use}, per user and server address, in
 * {@code <state-dir>/databases} (a {@link Properties} file {@code user@address=database}, replaced atomically).
 * Sessions do not outlive one command, so this file is how {@code use} carries over to the next client command.
 */
public final class SelectedDatabase {

    static final String FILE = "databases";

    private SelectedDatabase() {}

    /** The database {@code user} chose for {@code address}, if any. */
    public static Optional<String> read(Path stateDir, String user, String address) {
        return Optional.ofNullable(load(stateDir.resolve(FILE)).getProperty(user + "@" + address));
    }

    /** Chooses {@code database} for {@code user} at {@code address}. */
    public static void write(Path stateDir, String user, String address, String database) {
        Path file = stateDir.resolve(FILE);
        Properties p = load(file);
        p.setProperty(user + "@" + address, database);
        try {
            Files.createDirectories(stateDir);
            Path tmp = Files.createTempFile(stateDir, FILE, ".tmp");
            try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                p.store(w, "databases chosen with 'veridb client use', per user@address");
            }
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    private static Properties load(Path file) {
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (NoSuchFileException e) {
            return p;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + file, e);
        }
        return p;
    }
}
