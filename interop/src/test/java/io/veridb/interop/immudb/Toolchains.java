package io.veridb.interop.immudb;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Sets up, from scratch and under {@code interop/target}, the three real immudb SDKs the interop tests run: a Python
 * venv with the pinned immudb-py, an {@code npm ci} of immudb-node, and a {@code go build} of the Go program. Each
 * step is bounded in time and is skipped on later runs while its inputs (requirements file, lock file) are unchanged.
 * A test is skipped (JUnit assumption) only when the toolchain binary itself ({@code python3}, {@code node}/{@code
 * npm}, {@code go}) is missing; a failing setup step fails the test with its output.
 *
 * <p>Not thread-safe; Surefire runs these test classes one after the other.
 */
final class Toolchains {

    static final Duration PIP_TIMEOUT = Duration.ofMinutes(6);
    static final Duration NPM_TIMEOUT = Duration.ofMinutes(5);
    static final Duration GO_BUILD_TIMEOUT = Duration.ofMinutes(10);
    private static final String MARKER = ".veridb-inputs-sha256";

    private static Path python;
    private static Path nodeDir;
    private static Path goProgram;

    private Toolchains() {}

    /** The interop module directory (Surefire's working directory, or {@code -Dbasedir}). */
    static Path moduleDir() {
        String basedir = System.getProperty("basedir");
        return (basedir != null ? Path.of(basedir) : Path.of("")).toAbsolutePath();
    }

    static Path targetDir() {
        return moduleDir().resolve("target");
    }

    /** Looks {@code name} up on the PATH (plus {@code extraDirs}); skips the test when it is absent. */
    static Path requireBinary(String name, String... extraDirs) {
        Optional<Path> found = findBinary(name, extraDirs);
        assumeTrue(found.isPresent(), name + " is not installed: skipping this SDK's interop test");
        return found.get();
    }

    static Optional<Path> findBinary(String name, String... extraDirs) {
        String path = Optional.ofNullable(System.getenv("PATH")).orElse("");
        return Stream.concat(Stream.of(path.split(File.pathSeparator)), Stream.of(extraDirs))
                .filter(d -> !d.isEmpty())
                .map(d -> Path.of(d, name))
                .filter(Files::isExecutable)
                .findFirst();
    }

    /** The python of a venv holding the pinned immudb-py (python/immudb/requirements.txt). */
    static synchronized Path immudbPython() throws IOException, InterruptedException {
        if (python != null) {
            return python;
        }
        Path python3 = requireBinary("python3");
        Path requirements = moduleDir().resolve("python/immudb/requirements.txt");
        Path venv = targetDir().resolve("immudb-py/venv");
        Path venvPython = venv.resolve("bin/python");
        String inputs = sha256(requirements);
        if (!upToDate(venv, inputs) || !Files.isExecutable(venvPython)) {
            deleteTree(venv);
            Files.createDirectories(venv.getParent());
            run(List.of(python3.toString(), "-m", "venv", venv.toString()), venv.getParent(), Map.of(),
                    Duration.ofMinutes(2));
            run(List.of(venvPython.toString(), "-m", "pip", "install", "--disable-pip-version-check", "--no-input",
                    "-r", requirements.toString()), venv.getParent(), Map.of(), PIP_TIMEOUT);
            Files.writeString(venv.resolve(MARKER), inputs, StandardCharsets.UTF_8);
        }
        python = venvPython;
        return python;
    }

    /**
     * A directory with immudb-node installed by {@code npm ci} from node/package.json and its lock file, and a copy
     * of node/immudb_interop.js (so that {@code require} finds the SDK next to the script).
     */
    static synchronized Path immudbNodeDir() throws IOException, InterruptedException {
        if (nodeDir != null) {
            return nodeDir;
        }
        requireBinary("node");
        Path npm = requireBinary("npm");
        Path src = moduleDir().resolve("node");
        Path dir = targetDir().resolve("immudb-node");
        String inputs = sha256(src.resolve("package.json")) + sha256(src.resolve("package-lock.json"));
        if (!upToDate(dir, inputs) || !Files.isDirectory(dir.resolve("node_modules/immudb-node"))) {
            deleteTree(dir);
            Files.createDirectories(dir);
            copy(src.resolve("package.json"), dir);
            copy(src.resolve("package-lock.json"), dir);
            run(List.of(npm.toString(), "ci", "--no-audit", "--no-fund", "--no-update-notifier"), dir, Map.of(),
                    NPM_TIMEOUT);
            Files.writeString(dir.resolve(MARKER), inputs, StandardCharsets.UTF_8);
        }
        copy(src.resolve("immudb_interop.js"), dir);
        nodeDir = dir;
        return nodeDir;
    }

    /** The Go interop program built from go/ (its own go.mod and go.sum; Go's build cache makes rebuilds quick). */
    static synchronized Path immudbGoProgram() throws IOException, InterruptedException {
        if (goProgram != null) {
            return goProgram;
        }
        Path go = requireBinary("go", "/usr/local/go/bin");
        Path out = targetDir().resolve("immudb-go/immudb-interop");
        Files.createDirectories(out.getParent());
        run(List.of(go.toString(), "build", "-o", out.toString(), "."), moduleDir().resolve("go"),
                Map.of("GOFLAGS", "-mod=readonly -buildvcs=false"), GO_BUILD_TIMEOUT);
        goProgram = out;
        return goProgram;
    }

    private static void run(List<String> command, Path dir, Map<String, String> env, Duration timeout)
            throws IOException, InterruptedException {
        ClientRun r = ClientRun.run(command, dir, env, timeout);
        if (r.exitCode() != 0) {
            throw new AssertionError("toolchain setup step failed\n" + r.describe());
        }
    }

    private static boolean upToDate(Path dir, String inputs) throws IOException {
        Path marker = dir.resolve(MARKER);
        return Files.isRegularFile(marker) && Files.readString(marker, StandardCharsets.UTF_8).equals(inputs);
    }

    private static void copy(Path file, Path dir) throws IOException {
        Files.copy(file, dir.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
    }

    static String sha256(Path file) throws IOException {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void deleteTree(Path dir) throws IOException {
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
