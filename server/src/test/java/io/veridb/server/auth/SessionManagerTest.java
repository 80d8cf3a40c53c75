package io.veridb.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SessionManagerTest {
    private final AtomicLong now = new AtomicLong(1_000);

    private SessionManager manager(int max, Duration maxAge) {
        return new SessionManager(new SessionSettings(max, Duration.ofMinutes(2), Duration.ofMinutes(3), maxAge,
                Duration.ofMinutes(1)), now::get);
    }

    private void advance(Duration d) {
        now.addAndGet(d.toNanos());
    }

    @Test
    void sessionIdsAreUrlSafeBase64Of32RandomBytes() {
        SessionManager m = manager(100, Duration.ZERO);
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 50; i++) {
            ids.add(m.open("immudb", "defaultdb").id());
        }
        assertThat(ids).hasSize(50).allMatch(id -> id.matches("[A-Za-z0-9_-]{43}="));
    }

    @Test
    void refusesSessionsBeyondTheLimit() {
        SessionManager m = manager(2, Duration.ZERO);
        m.open("a", "defaultdb");
        m.open("a", "defaultdb");
        assertThatThrownBy(() -> m.open("a", "defaultdb"))
                .hasMessage("can not create new session: max sessions number reached");
    }

    @Test
    void idleSessionsExpireButActivityKeepsThemAlive() {
        SessionManager m = manager(10, Duration.ZERO);
        Session active = m.open("a", "defaultdb");
        Session idle = m.open("b", "defaultdb");
        advance(Duration.ofSeconds(90));
        m.get(active.id());
        advance(Duration.ofSeconds(90));
        assertThat(m.get(active.id()).user()).isEqualTo("a");
        assertThatThrownBy(() -> m.get(idle.id())).hasMessage("session not found");
        assertThat(m.size()).isEqualTo(1);
    }

    @Test
    void guardReclaimsIdleAndOverAgeSessions() {
        SessionManager m = manager(10, Duration.ofMinutes(5));
        Session busy = m.open("a", "defaultdb");
        m.open("b", "defaultdb");
        for (int i = 0; i < 4; i++) {
            advance(Duration.ofMinutes(1));
            m.get(busy.id());
        }
        assertThat(m.expire()).as("b idle for 4 min").isEqualTo(1);
        advance(Duration.ofSeconds(90));
        assertThat(m.expire()).as("a active 90 s ago but 5.5 min old").isEqualTo(1);
        assertThat(m.size()).isZero();
    }

    @Test
    void inactiveCountUsesTheInactivityThreshold() {
        SessionManager m = new SessionManager(new SessionSettings(10, Duration.ofMinutes(10), Duration.ofMinutes(1),
                Duration.ZERO, Duration.ofMinutes(1)), now::get);
        m.open("a", "defaultdb");
        advance(Duration.ofSeconds(61));
        assertThat(m.inactiveCount()).isEqualTo(1);
    }

    @Test
    void closeAndCloseAllOfRemoveSessions() {
        SessionManager m = manager(10, Duration.ZERO);
        Session s1 = m.open("a", "defaultdb");
        m.open("a", "defaultdb");
        Session s3 = m.open("b", "defaultdb");
        m.close(s1.id());
        assertThatThrownBy(() -> m.close(s1.id())).hasMessage("session not found");
        m.closeAllOf("a");
        assertThat(m.size()).isEqualTo(1);
        m.useDatabase(s3.id(), "other");
        assertThat(m.get(s3.id()).database()).isEqualTo("other");
    }
}
