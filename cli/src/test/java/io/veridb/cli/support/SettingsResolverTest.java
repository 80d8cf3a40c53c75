package io.veridb.cli.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsResolverTest {

    @TempDir
    Path home;

    private static ConnectionOptions.Flags flags(String address, String password, String database, Path config) {
        return new ConnectionOptions.Flags(address, null, password, database, null, null, null, null, null, null,
                config);
    }

    @Test
    void defaultsApplyWhenNothingIsConfigured() {
        ClientSettings s = new SettingsResolver(Map.of(), home).resolve(ConnectionOptions.Flags.none());
        assertThat(s.address()).isEqualTo("localhost:3322");
        assertThat(s.username()).isEqualTo("immudb");
        assertThat(s.password()).isEmpty();
        assertThat(s.database()).isEqualTo("defaultdb");
        assertThat(s.tls()).isFalse();
        assertThat(s.stateDir()).isEqualTo(home.resolve(".veridb").resolve("state"));
    }

    @Test
    void flagBeatsEnvironmentWhichBeatsConfigFile() throws IOException {
        Path config = home.resolve("c.toml");
        Files.writeString(config, "address = \"file:1\"\nusername = \"fileuser\"\ndatabase = \"filedb\"\n"
                + "password = \"filepw\"\n");
        Map<String, String> env = Map.of("VERIDB_ADDRESS", "env:2", "VERIDB_USERNAME", "envuser",
                "VERIDB_CONFIG", config.toString());
        SettingsResolver r = new SettingsResolver(env, home);
        ClientSettings s = r.resolve(flags("flag:3", null, null, null));
        assertThat(s.address()).isEqualTo("flag:3");
        assertThat(s.username()).isEqualTo("envuser");
        assertThat(s.database()).isEqualTo("filedb");
        assertThat(s.password()).contains("filepw");
    }

    @Test
    void defaultConfigFileInHomeIsReadWhenPresent() throws IOException {
        Path dir = Files.createDirectories(home.resolve(".veridb"));
        Files.writeString(dir.resolve("client.toml"), "tls = true\nca = \"ca.pem\"\n");
        ClientSettings s = new SettingsResolver(Map.of(), home).resolve(ConnectionOptions.Flags.none());
        assertThat(s.tls()).isTrue();
        assertThat(s.ca()).isEqualTo(dir.resolve("ca.pem"));
    }

    @Test
    void databaseChosenWithUseBeatsConfigFileButNotEnvironment() throws IOException {
        Path config = home.resolve("c.toml");
        Files.writeString(config, "database = \"filedb\"\n");
        Path state = home.resolve("state");
        SelectedDatabase.write(state, "immudb", "h:1", "useddb");
        ConnectionOptions.Flags f = new ConnectionOptions.Flags("h:1", null, null, null, null, null, null, null,
                null, state, config);
        assertThat(new SettingsResolver(Map.of(), home).resolve(f).database()).isEqualTo("useddb");
        assertThat(new SettingsResolver(Map.of("VERIDB_DATABASE", "envdb"), home).resolve(f).database())
                .isEqualTo("envdb");
        ConnectionOptions.Flags other = new ConnectionOptions.Flags("h:2", null, null, null, null, null, null, null,
                null, state, config);
        assertThat(new SettingsResolver(Map.of(), home).resolve(other).database()).isEqualTo("filedb");
        assertThat(new SettingsResolver(Map.of(), home).resolve(f, false).database())
                .as("admin, audit and bench ignore the selection").isEqualTo("filedb");
        assertThat(new SettingsResolver(Map.of("VERIDB_USERNAME", "alice"), home).resolve(f).database())
                .as("the selection is per user").isEqualTo("filedb");
    }

    @Test
    void namedConfigFileMustExist() {
        Path missing = home.resolve("nope.toml");
        assertThatThrownBy(() -> new SettingsResolver(Map.of(), home).resolve(flags(null, null, null, missing)))
                .isInstanceOf(UsageException.class).hasMessageContaining("nope.toml does not exist");
    }

    @Test
    void unknownConfigKeyIsAUsageErrorNamingTheKnownKeys() throws IOException {
        Path config = home.resolve("c.toml");
        Files.writeString(config, "adress = \"typo:1\"\n");
        assertThatThrownBy(() -> new SettingsResolver(Map.of(), home).resolve(flags(null, null, null, config)))
                .isInstanceOf(UsageException.class)
                .hasMessageContaining("unknown key 'adress'")
                .hasMessageContaining("address");
    }

    @Test
    void wrongConfigTypeIsAUsageError() throws IOException {
        Path config = home.resolve("c.toml");
        Files.writeString(config, "tls = \"yes\"\n");
        assertThatThrownBy(() -> new SettingsResolver(Map.of(), home).resolve(flags(null, null, null, config)))
                .isInstanceOf(UsageException.class).hasMessageContaining("'tls' is String, want Boolean");
    }

    @Test
    void badTlsEnvironmentValueIsAUsageError() {
        assertThatThrownBy(() -> new SettingsResolver(Map.of("VERIDB_TLS", "maybe"), home)
                .resolve(ConnectionOptions.Flags.none()))
                .isInstanceOf(UsageException.class).hasMessage("tls=maybe, want true or false");
    }

    @Test
    void passwordNeverAppearsInToString() {
        ClientSettings s = new SettingsResolver(Map.of("VERIDB_PASSWORD", "s3cret-Pw!"), home)
                .resolve(ConnectionOptions.Flags.none());
        assertThat(s.password()).contains("s3cret-Pw!");
        assertThat(s.toString()).doesNotContain("s3cret").contains("password=***");
        assertThat(flags(null, "s3cret-Pw!", null, null).toString()).doesNotContain("s3cret");
    }

    @Test
    void caImpliesTlsAndCertNeedsKey() {
        ClientSettings s = new ClientSettings("h:1", "u", Optional.empty(), "db", false, home, null, null, null,
                home);
        assertThat(s.tls()).isTrue();
        assertThatThrownBy(() -> new ClientSettings("h:1", "u", Optional.empty(), "db", true, null, home, null, null,
                home)).isInstanceOf(UsageException.class).hasMessageContaining("--cert and --key go together");
    }
}
