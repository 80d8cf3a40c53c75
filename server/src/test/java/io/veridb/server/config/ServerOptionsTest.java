package io.veridb.server.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.server.ServerConfig;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServerOptionsTest {
    @TempDir
    Path cwd;

    private ServerConfig resolve(Map<String, String> flags, Map<String, String> env) {
        return ServerOptions.resolve(flags, env, cwd);
    }

    @Test
    void defaultsAreImmudbs() {
        ServerConfig c = resolve(Map.of(), Map.of());
        assertThat(c).isEqualTo(ServerConfig.defaults());
        assertThat(c.dir()).isEqualTo(Path.of("./data"));
        assertThat(c.address()).isEqualTo("0.0.0.0");
        assertThat(c.port()).isEqualTo(3322);
        assertThat(c.dcbPort()).isEqualTo(50051);
        assertThat(c.dcbDatabase()).isEqualTo("defaultdb");
        assertThat(c.adminPassword()).isEqualTo("immudb");
        assertThat(c.auth()).isTrue();
        assertThat(c.maxSessions()).isEqualTo(100);
        assertThat(c.sessionTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(c.maxSessionInactivity()).isEqualTo(Duration.ofMinutes(3));
        assertThat(c.tokenExpiry()).isEqualTo(Duration.ofMinutes(1440));
        assertThat(c.maxRecvMsgSizeBytes()).isEqualTo(32 << 20);
        assertThat(c.signingKey()).isNull();
        assertThat(c.tls()).isFalse();
    }

    @Test
    void flagBeatsEnvironmentBeatsTomlBeatsDefault() throws IOException {
        Files.writeString(cwd.resolve("immudb.toml"),
                "port = 1111\nmax-sessions = 7\ndir = \"tomldir\"\nsession-timeout = \"45s\"\nauth = false\n");
        ServerConfig c = resolve(Map.of("port", "3333"),
                Map.of("IMMUDB_PORT", "2222", "IMMUDB_MAX_SESSIONS", "9", "IMMUDB_UNRELATED", "x"));
        assertThat(c.port()).as("flag").isEqualTo(3333);
        assertThat(c.maxSessions()).as("env over toml").isEqualTo(9);
        assertThat(c.dir()).as("toml over default").isEqualTo(Path.of("tomldir"));
        assertThat(c.sessionTimeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(c.auth()).isFalse();
        assertThat(c.address()).as("default").isEqualTo("0.0.0.0");
    }

    @Test
    void configFlagNamesTheTomlFileAndAMissingOneIsAnError() throws IOException {
        Path file = cwd.resolve("conf/my.toml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, "address = \"127.0.0.1\"\nsigningKey = \"/keys/ec.key\"\ndcb-port = -1\n");
        ServerConfig c = resolve(Map.of("config", "conf/my.toml"), Map.of());
        assertThat(c.address()).isEqualTo("127.0.0.1");
        assertThat(c.signingKey()).isEqualTo(Path.of("/keys/ec.key"));
        assertThat(c.dcbPort()).isEqualTo(-1);
        assertThat(resolve(Map.of(), Map.of("IMMUDB_CONFIG", "conf/my.toml")).address()).isEqualTo("127.0.0.1");
        assertThatThrownBy(() -> resolve(Map.of("config", "nope.toml"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("config file does not exist");
    }

    @Test
    void environmentNamesFollowViper() {
        assertThat(ServerOptions.envName("max-session-inactivity-time"))
                .isEqualTo("IMMUDB_MAX_SESSION_INACTIVITY_TIME");
        assertThat(ServerOptions.envName("signingKey")).isEqualTo("IMMUDB_SIGNINGKEY");
        ServerConfig c = resolve(Map.of(), Map.of("IMMUDB_ADMIN_PASSWORD", "enc:U2VjcmV0MTIh",
                "IMMUDB_FORCE_ADMIN_PASSWORD", "true", "IMMUDB_DCB_API_KEY", "k1", "IMMUDB_TOKEN_EXPIRY_TIME", "5"));
        assertThat(c.adminPassword()).as("enc: is base64").isEqualTo("Secret12!");
        assertThat(c.forceAdminPassword()).isTrue();
        assertThat(c.dcbApiKey()).isEqualTo("k1");
        assertThat(c.tokenExpiry()).isEqualTo(Duration.ofMinutes(5));
    }

    @Test
    void invalidValuesNameTheOptionAndTheirSource() throws IOException {
        assertThatThrownBy(() -> resolve(Map.of(), Map.of("IMMUDB_MAX_SESSIONS", "many")))
                .hasMessage("invalid value 'many' for max-sessions (from environment IMMUDB_MAX_SESSIONS): "
                        + "not an integer");
        assertThatThrownBy(() -> resolve(Map.of("auth", "maybe"), Map.of()))
                .hasMessageContaining("for auth (from flag --auth): not a boolean");
        Files.writeString(cwd.resolve("immudb.toml"), "session-timeout = \"soon\"\n");
        assertThatThrownBy(() -> resolve(Map.of(), Map.of()))
                .hasMessageContaining("for session-timeout (from config file key session-timeout): invalid duration");
        Files.delete(cwd.resolve("immudb.toml"));
        assertThatThrownBy(() -> resolve(Map.of("port", "70000"), Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("port=70000, want 0..65535");
    }

    @Test
    void brokenTomlIsReportedWithItsFile() throws IOException {
        Files.writeString(cwd.resolve("immudb.toml"), "port = = 3\n");
        assertThatThrownBy(() -> resolve(Map.of(), Map.of()))
                .hasMessageContaining("is not valid TOML");
    }

    @Test
    void tlsOptionsMustComeTogether() {
        assertThatThrownBy(() -> resolve(Map.of("certificate", "c.pem"), Map.of()))
                .hasMessageContaining("TLS needs both certificate and pkey");
        assertThatThrownBy(() -> resolve(Map.of("mtls", "true", "certificate", "c.pem", "pkey", "k.pem"), Map.of()))
                .hasMessageContaining("mtls needs certificate, pkey and clientcas");
    }

    @Test
    void everyOptionHasAKnownKindAndParsesItsDefault() {
        for (ServerOptions.Option o : ServerOptions.all()) {
            assertThat(o.name()).matches("[a-zA-Z-]+");
            assertThat(o.description()).isNotBlank();
        }
        assertThat(ServerOptions.all()).extracting(ServerOptions.Option::name)
                .contains("dir", "address", "port", "config", "admin-password", "force-admin-password", "auth",
                        "max-sessions", "max-session-inactivity-time", "session-timeout", "token-expiry-time",
                        "max-recv-msg-size", "mtls", "certificate", "pkey", "clientcas", "signingKey",
                        "maintenance", "dcb-port", "dcb-address", "dcb-database", "dcb-api-key")
                .doesNotHaveDuplicates();
    }
}
