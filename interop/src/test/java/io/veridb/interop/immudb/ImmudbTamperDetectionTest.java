package io.veridb.interop.immudb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A client holding trusted state detects bytes changed on disk. The Go SDK writes verified entries into database
 * {@code tamperdb} (then enough further transactions to put them outside the window the ledger re-checks when it
 * opens) and keeps its trusted state; the server is stopped; each test changes a copy of the data directory, starts a
 * server on it, and the SDK's verified read of the tampered key must fail — whatever the unverified read returns.
 */
class ImmudbTamperDetectionTest {

    private static final Logger LOG = LoggerFactory.getLogger(ImmudbTamperDetectionTest.class);
    private static final String KEY = "t-05";
    private static final byte[] MARKER = "TAMPER-ME-05-".getBytes(StandardCharsets.US_ASCII);
    /** More than the ledger's default recheckTxs (1024). */
    private static final int FILLER_TXS = 1100;

    @TempDir
    static Path tmp;

    private static Path program;
    private static SigningKey key;
    private static long tamperedTx;

    @BeforeAll
    static void writeVerifiedEntriesAndStop() throws Exception {
        assumeTrue(ServerUnderTest.targetIsVeriDb(), "tampering edits VeriDB's own file format");
        program = Toolchains.immudbGoProgram();
        key = SigningKey.generate(tmp.resolve("keys"));
        try (ServerUnderTest server = ServerUnderTest.start(tmp.resolve("pristine/data"), key)) {
            ClientRun write = ImmudbGoSdkTest.run(program, server, tmp.resolve("pristine/state"), key, "tamper-write",
                    "-filler", Integer.toString(FILLER_TXS));
            write.assertSucceeded("PHASE tamper-write OK");
            String line = write.line("TX " + KEY + " ");
            assertThat(line).as(write.describe()).isNotNull();
            tamperedTx = Long.parseLong(line.replaceAll(".* id=(\\d+) .*", "$1"));
        }
    }

    @Test
    void flippedBitInTheStoredValueFailsTheVerifiedRead() throws Exception {
        ClientRun check = tamperAndCheck("value-bit", t -> {
            long offset = t.flipValueBit(tamperedTx, MARKER);
            LOG.info("flipped a bit of {}'s stored value at file offset {}", KEY, offset);
        });
        assertVerifiedReadFailed(check);
    }

    @Test
    void flippedBitInTheTxHeaderFailsTheVerifiedRead() throws Exception {
        ClientRun check = tamperAndCheck("header-bit", t -> t.flipTimestampBit(tamperedTx, false));
        assertVerifiedReadFailed(check);
    }

    @Test
    void flippedHeaderBitWithARecomputedCrcFailsTheVerifiedRead() throws Exception {
        ClientRun check = tamperAndCheck("header-bit-crc-fixed", t -> t.flipTimestampBit(tamperedTx, true));
        assertVerifiedReadFailed(check);
    }

    @Test
    void forgedValueWithMatchingHashAndCrcFailsTheVerifiedRead() throws Exception {
        byte[][] forged = new byte[1][];
        ClientRun check = tamperAndCheck("forged-value", t -> forged[0] = t.forgeValue(tamperedTx, MARKER));
        LOG.info("forged value {}; unverified read said: {}", new String(forged[0], StandardCharsets.UTF_8),
                check.line("UNVERIFIED_GET"));
        assertVerifiedReadFailed(check);
    }

    interface Tamper {
        void apply(LedgerTamper t) throws IOException;
    }

    private static ClientRun tamperAndCheck(String name, Tamper tamper) throws Exception {
        Path data = tmp.resolve(name + "/data");
        Path state = tmp.resolve(name + "/state");
        copyTree(tmp.resolve("pristine/data"), data);
        copyTree(tmp.resolve("pristine/state"), state);
        tamper.apply(new LedgerTamper(databaseDir(data, "tamperdb")));
        ServerUnderTest server;
        try {
            server = ServerUnderTest.start(data, key);
        } catch (Exception e) {
            // Refusing to start on damaged files is detection too, but then no client read can show it.
            throw new AssertionError("server did not start on the tampered copy (" + name + "): " + e, e);
        }
        try (server) {
            ClientRun check = ImmudbGoSdkTest.run(program, server, state, key, "tamper-check", "-key", KEY);
            LOG.info("{}: {} / {}", name, check.line("UNVERIFIED_GET"), check.line("VERIFIED_GET_FAILED"));
            return check;
        }
    }

    private static void assertVerifiedReadFailed(ClientRun check) {
        check.assertSucceeded("PHASE tamper-check OK");
        assertThat(check.line("VERIFIED_GET_FAILED")).as(check.describe()).isNotNull();
    }

    private static Path databaseDir(Path data, String name) throws IOException {
        try (Stream<Path> s = Files.walk(data)) {
            List<Path> dirs = s.filter(p -> Files.isDirectory(p) && p.getFileName().toString().equals(name)).toList();
            assertThat(dirs).as("directory of database %s under %s", name, data).hasSize(1);
            return dirs.get(0);
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.COPY_ATTRIBUTES);
                }
            }
        }
    }
}
