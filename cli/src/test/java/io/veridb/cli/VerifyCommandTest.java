package io.veridb.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.Ledger;
import io.veridb.ledger.LedgerOptions;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class VerifyCommandTest {

    @TempDir
    Path data;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    private static void makeDb(Path dir, int txs) throws Exception {
        try (Ledger l = Ledger.open(dir, LedgerOptions.defaults())) {
            for (int i = 0; i < txs; i++) {
                l.commit(List.of(new EntrySpec(("k" + i).getBytes(StandardCharsets.UTF_8),
                        ("value-" + i).getBytes(StandardCharsets.UTF_8)))).get();
            }
        }
    }

    @Test
    void intactDefaultDatabaseExitsZeroWithoutProgressBarWhenNotATerminal() throws Exception {
        makeDb(data.resolve("defaultdb"), 12);
        assertThat(run("verify", "--dir", data.toString())).isZero();
        assertThat(out.toString()).contains("intact").contains("12 transactions");
        assertThat(err.toString()).doesNotContain("verifying [");
    }

    @Test
    void namedDatabaseIsDirSlashName() throws Exception {
        makeDb(data.resolve("shop"), 3);
        assertThat(run("verify", "--dir", data.toString(), "--db", "shop")).isZero();
        assertThat(out.toString()).contains("3 transactions");
    }

    @Test
    void brokenDatabaseExitsNonZeroNamingTxFileAndOffset() throws Exception {
        Path db = data.resolve("defaultdb");
        makeDb(db, 5);
        Path txLog;
        try (Stream<Path> s = Files.list(db.resolve("tx"))) {
            txLog = s.sorted().findFirst().orElseThrow();
        }
        // small values are stored inline, right after their tx record: change the first byte of tx 3's value
        String log = new String(Files.readAllBytes(txLog), StandardCharsets.ISO_8859_1);
        int at = log.indexOf("value-2");
        assertThat(at).isPositive();
        try (FileChannel ch = FileChannel.open(txLog, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            ch.write(ByteBuffer.wrap(new byte[] {'X'}), at);
        }
        int code = run("verify", "--dir", data.toString());
        assertThat(code).isEqualTo(3);
        assertThat(err.toString()).contains("first broken tx=3").contains("file=" + txLog.getFileName())
                .contains("offset=" + at).contains("value hash mismatch");
    }

    @Test
    void missingDatabaseIsAUsageError() {
        assertThat(run("verify", "--dir", data.resolve("nope").toString())).isEqualTo(2);
        assertThat(err.toString()).contains("not a database directory");
    }
}
