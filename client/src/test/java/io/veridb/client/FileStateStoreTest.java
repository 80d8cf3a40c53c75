package io.veridb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.proofs.Hashes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileStateStoreTest {

    @TempDir
    Path dir;

    private static DatabaseState state(String db, long tx) {
        return new DatabaseState(db, tx, Hashes.sha256(("alh" + tx).getBytes(StandardCharsets.UTF_8)),
                new byte[] {1, 2, 3});
    }

    @Test
    void savedStateSurvivesANewStoreInstance() {
        new FileStateStore(dir).save("c0ffee", state("defaultdb", 7));
        FileStateStore reopened = new FileStateStore(dir);
        assertThat(reopened.load("c0ffee", "defaultdb")).contains(state("defaultdb", 7));
        assertThat(reopened.load("c0ffee", "otherdb")).isEmpty();
        assertThat(reopened.load("other-server", "defaultdb")).isEmpty();
    }

    @Test
    void overwriteReplacesAtomicallyAndLeavesNoTemporaryFiles() throws IOException {
        FileStateStore store = new FileStateStore(dir);
        for (long tx = 1; tx <= 20; tx++) {
            store.save("s1", state("db", tx));
        }
        assertThat(store.load("s1", "db")).contains(state("db", 20));
        try (Stream<Path> files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactly("state-s1-db")
                    .noneMatch(n -> n.endsWith(AtomicFiles.TEMP_SUFFIX));
        }
    }

    @Test
    void leftoverTemporaryFileFromACrashIsIgnored() throws IOException {
        FileStateStore store = new FileStateStore(dir);
        store.save("s1", state("db", 3));
        Files.write(dir.resolve("state-s1-db.1234" + AtomicFiles.TEMP_SUFFIX), new byte[] {'h', 'a', 'l', 'f'});
        assertThat(store.load("s1", "db")).contains(state("db", 3));
        store.save("s1", state("db", 4));
        assertThat(store.load("s1", "db")).contains(state("db", 4));
    }

    @Test
    void damagedStateFileIsReportedNotReplacedByFreshTrust() throws IOException {
        FileStateStore store = new FileStateStore(dir);
        store.save("s1", state("db", 3));
        Path file = store.stateFile("s1", "db");
        byte[] bytes = Files.readAllBytes(file);
        int txIdAt = new String(bytes, StandardCharsets.UTF_8).indexOf("txId=3") + 5;
        bytes[txIdAt] = '9';
        Files.write(file, bytes);
        assertThatThrownBy(() -> store.load("s1", "db"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("crc32c expected=")
                .hasMessageContaining(file.toString());
    }

    @Test
    void stateFileOfAnotherServerRenamedIntoPlaceIsRejected() throws IOException {
        FileStateStore store = new FileStateStore(dir);
        store.save("s1", state("db", 3));
        Files.move(store.stateFile("s1", "db"), store.stateFile("s2", "db"));
        assertThatThrownBy(() -> store.load("s2", "db"))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("holds server=s1");
    }

    @Test
    void identityPinsPersistAndCanBeRemoved() {
        FileStateStore store = new FileStateStore(dir);
        store.pin("localhost:3322", "uuid-a");
        store.pin("db.example:3322", "uuid-b");
        FileStateStore reopened = new FileStateStore(dir);
        assertThat(reopened.pinnedIdentity("localhost:3322")).contains("uuid-a");
        assertThat(reopened.pinnedIdentity("db.example:3322")).contains("uuid-b");
        reopened.unpin("localhost:3322");
        assertThat(new FileStateStore(dir).pinnedIdentity("localhost:3322")).isEmpty();
        assertThat(new FileStateStore(dir).pinnedIdentity("db.example:3322")).contains("uuid-b");
    }

    @Test
    void namesAreEscapedSoAServerCannotPickThePath() {
        FileStateStore store = new FileStateStore(dir);
        store.save("../../etc", state("Db/X", 1));
        assertThat(store.stateFile("../../etc", "Db/X").getParent()).isEqualTo(dir.toAbsolutePath());
        assertThat(store.stateFile("../../etc", "Db/X").getFileName().toString())
                .isEqualTo("state-%2E%2E%2F%2E%2E%2Fetc-%44b%2F%58");
        assertThat(store.load("../../etc", "Db/X")).contains(state("Db/X", 1));
    }

    private static byte[] withCrc(String body) {
        byte[] b = body.getBytes(StandardCharsets.UTF_8);
        java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
        crc.update(b);
        return (body + "crc32c=" + java.util.HexFormat.of().toHexDigits((int) crc.getValue()) + "\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void formatRejectsWrongMagicAndDuplicateKeys() {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("a", "1");
        byte[] good = StateFileFormat.write(f);
        assertThat(StateFileFormat.read("f", good)).containsExactly(Map.entry("a", "1"));
        String text = new String(good, StandardCharsets.UTF_8);
        byte[] otherMagic = StateFileFormat.write(f);
        otherMagic[0] = 'X';
        assertThatThrownBy(() -> StateFileFormat.read("f", otherMagic)).hasMessageContaining("crc32c expected=");
        assertThatThrownBy(() -> StateFileFormat.read("f", new byte[0])).hasMessageContaining("missing crc32c");
        assertThat(text).startsWith(StateFileFormat.MAGIC + "\n").endsWith("\n");
        assertThatThrownBy(() -> StateFileFormat.read("f", withCrc("veridb-client-state 2\na=1\n")))
                .hasMessageContaining("magic expected='veridb-client-state 1' actual='veridb-client-state 2'");
        assertThatThrownBy(() -> StateFileFormat.read("f", withCrc(StateFileFormat.MAGIC + "\na=1\na=2\n")))
                .hasMessageContaining("duplicate key on line 3");
        assertThatThrownBy(() -> StateFileFormat.write(Map.of("a", "x\ny")))
                .hasMessageContaining("line break");
    }
}
