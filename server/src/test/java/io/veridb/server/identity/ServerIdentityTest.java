package io.veridb.server.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerIdentityTest {
    @TempDir
    Path dir;

    @Test
    void encodesAsXidDoes() {
        byte[] id = {0x4d, (byte) 0x88, (byte) 0xe1, 0x5b, 0x60, (byte) 0xf4, (byte) 0x86, (byte) 0xe4, 0x28, 0x41,
            0x2d, (byte) 0xc9};
        assertThat(ServerIdentity.encode(id)).isEqualTo("9m4e2mr0ui3e8a215n4g");
    }

    @Test
    void freshIdentityIsTwentyBase32HexCharactersStartingWithTheTime() {
        byte[] x = ServerIdentity.newXid(new SecureRandom(), Instant.ofEpochSecond(0x5f000000L));
        assertThat(x).hasSize(12).startsWith(0x5f, 0, 0, 0);
        assertThat(ServerIdentity.encode(x)).matches("[0-9a-v]{20}");
    }

    @Test
    void persistsTheRawTwelveBytesAndReadsThemBack() throws IOException {
        ServerIdentity first = ServerIdentity.loadOrCreate(dir);
        byte[] stored = Files.readAllBytes(dir.resolve("immudb.identifier"));
        assertThat(stored).hasSize(12).isEqualTo(first.bytes());
        ServerIdentity again = ServerIdentity.loadOrCreate(dir);
        assertThat(again.uuid()).isEqualTo(first.uuid());
        assertThat(again).isEqualTo(first);
    }

    @Test
    void refusesAnIdentifierOfTheWrongSize() throws IOException {
        Files.write(dir.resolve("immudb.identifier"), new byte[] {1, 2, 3});
        assertThatThrownBy(() -> ServerIdentity.loadOrCreate(dir))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("has 3 bytes, want 12");
    }
}
