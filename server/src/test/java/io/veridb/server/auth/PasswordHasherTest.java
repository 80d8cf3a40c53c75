package io.veridb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class PasswordHasherTest {
    private final PasswordHasher hasher = new PasswordHasher(4);

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void hashesAreSaltedBcrypt2aAndVerify() {
        String h1 = hasher.hash(b("Secret12!"));
        String h2 = hasher.hash(b("Secret12!"));
        assertThat(h1).startsWith("$2a$04$").hasSize(60).isNotEqualTo(h2);
        assertThat(hasher.matches(b("Secret12!"), h1)).isTrue();
        assertThat(hasher.matches(b("Secret12?"), h1)).isFalse();
    }

    @Test
    void verifiesTheOpenwallReferenceVector() {
        // crypt_blowfish test vector: "U*U" with salt CCCC…; any $2a$ implementation (Go's included) agrees.
        assertThat(hasher.matches(b("U*U"), "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")).isTrue();
    }

    @Test
    void malformedHashesAndOverlongPasswordsAreJustMismatches() {
        assertThat(hasher.matches(b("x"), "not-a-hash")).isFalse();
        String h = hasher.hash(b("Secret12!"));
        assertThat(hasher.matches(new byte[500], h)).isFalse();
    }
}
