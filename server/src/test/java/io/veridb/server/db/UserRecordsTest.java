package io.veridb.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.server.auth.User;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class UserRecordsTest {
    @Test
    void roundTripsEveryField() {
        User u = new User("alice_1", "$2a$10$abcdefghijklmnopqrstuuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01",
                Map.of("defaultdb", 2, "db_2", 254), false, false, "immudb", Instant.parse("2024-05-01T10:00:00.5Z"));
        byte[] encoded = UserRecords.encode(u);
        assertThat(new String(encoded, StandardCharsets.UTF_8)).startsWith("veridb-user 1\nname=alice_1\n");
        assertThat(UserRecords.decode(encoded)).isEqualTo(u);
    }

    @Test
    void refusesForeignOrIncompleteRecords() {
        assertThatThrownBy(() -> UserRecords.decode("{\"username\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
                .hasMessageContaining("want 'veridb-user 1'");
        assertThatThrownBy(() -> UserRecords.decode("veridb-user 1\nname=x\n".getBytes(StandardCharsets.UTF_8)))
                .hasMessage("user record lacks field 'hash'");
    }
}
