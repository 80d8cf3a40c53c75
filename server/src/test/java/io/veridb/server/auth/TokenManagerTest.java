package io.veridb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class TokenManagerTest {
    private final AtomicLong now = new AtomicLong(7);
    private final TokenManager tokens = new TokenManager(Duration.ofMinutes(10), now::get);

    @Test
    void tokensAreOpaqueAndCarryUserAndDatabase() {
        String t = tokens.issue("alice", "defaultdb");
        assertThat(t).matches("[A-Za-z0-9_-]{43}");
        assertThat(tokens.resolve(t).user()).isEqualTo("alice");
        assertThat(tokens.resolve(t).database()).isEqualTo("defaultdb");
        assertThat(tokens.resolve(tokens.issue("bob", null)).database()).isNull();
    }

    @Test
    void expiredTokensAreRefusedWithImmudbsMessageThenPurged() {
        String t = tokens.issue("alice", "defaultdb");
        now.addAndGet(Duration.ofMinutes(10).toNanos() + 1);
        assertThatThrownBy(() -> tokens.resolve(t))
                .isInstanceOf(AuthException.class)
                .hasMessage("token has expired");
        assertThat(tokens.purge()).isZero();
        now.addAndGet(Duration.ofMinutes(10).toNanos());
        assertThat(tokens.purge()).isEqualTo(1);
        assertThatThrownBy(() -> tokens.resolve(t)).hasMessage("Token data not found");
    }

    @Test
    void revokedTokensAreUnknown() {
        String a1 = tokens.issue("alice", "defaultdb");
        String a2 = tokens.issue("alice", "defaultdb");
        String b = tokens.issue("bob", "defaultdb");
        tokens.revoke(a1);
        assertThatThrownBy(() -> tokens.resolve(a1)).hasMessage("Token data not found");
        tokens.revokeAllOf("alice");
        assertThatThrownBy(() -> tokens.resolve(a2)).hasMessage("Token data not found");
        assertThat(tokens.resolve(b).user()).isEqualTo("bob");
    }

    @Test
    void bearerPrefixIsOptional() {
        assertThat(Authenticator.bearer("Bearer abc")).isEqualTo("abc");
        assertThat(Authenticator.bearer("abc")).isEqualTo("abc");
        assertThat(Authenticator.bearer("Bearer ")).isNull();
        assertThat(Authenticator.bearer(null)).isNull();
    }
}
