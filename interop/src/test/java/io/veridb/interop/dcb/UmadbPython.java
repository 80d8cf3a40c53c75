package io.veridb.interop.dcb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Python venv under {@code interop/target/venv-dcb} holding the pinned real {@code umadb} client
 * (python/dcb/requirements.txt), created from scratch by the test itself; reused while the requirements file is
 * unchanged. Skips (JUnit assumption) only when {@code python3} is missing. Not thread-safe.
 */
final class UmadbPython {
    private static final Logger LOG = LoggerFactory.getLogger(UmadbPython.class);
    private static final String MARKER = ".veridb-requirements-sha256";
    private static Path python;

    private UmadbPython() {}

    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath();
    }

    static Path scripts() {
        return moduleDir().resolve("python/dcb");
    }

    /** The venv's python, creating the venv and installing umadb on first use. */
    static synchronized Path python() throws IOException, InterruptedException {
        if (python != null) {
            return python;
        }
        Path python3 = findOnPath("python3");
        assumeTrue(python3 != null, "python3 is not installed: skipping the umadb client interop tests");
        Path requirements = scripts().resolve("requirements.txt");
        Path venv = moduleDir().resolve("target/venv-dcb");
        Path venvPython = venv.resolve("bin/python");
        String inputs = sha256(requirements);
        Path marker = venv.resolve(MARKER);
        boolean fresh = Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(inputs)
                && Files.isExecutable(venvPython);
        if (!fresh) {
            deleteTree(venv);
            Files.createDirectories(venv.getParent());
            step(List.of(python3.toString(), "-m", "venv", venv.toString()), Duration.ofMinutes(2));
            step(List.of(venvPython.toString(), "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
                    "-r", requirements.toString()), Duration.ofMinutes(6));
            Files.writeString(marker, inputs, StandardCharsets.UTF_8);
        }
        python = venvPython;
        return python;
    }

    /** The {@code umadb} server command installed by the same wheel (for benchmarks). */
    static Path umadbServer() throws IOException, InterruptedException {
        return python().getParent().resolve("umadb");
    }

    /** Runs a script of python/dcb with arguments. */
    static ProcessRun runScript(String script, Duration timeout, String... args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(python().toString(), scripts().resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessRun run = ProcessRun.run(command, scripts(),
                Map.of("PYTHONUNBUFFERED", "1", "PYTHONDONTWRITEBYTECODE", "1"), timeout);
        LOG.info("{} exited {}:\n{}", script, run.exitCode(), run.output());
        return run;
    }

    private static void step(List<String> command, Duration timeout) throws IOException, InterruptedException {
        ProcessRun r = ProcessRun.run(command, moduleDir(), Map.of(), timeout);
        if (r.exitCode() != 0) {
            throw new AssertionError("venv setup step failed\n" + r.describe());
        }
    }

    private static Path findOnPath(String name) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.of(path.split(File.pathSeparator)).filter(d -> !d.isEmpty()).map(d -> Path.of(d, name))
                .filter(Files::isExecutable).findFirst().orElse(null);
    }

    private static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
