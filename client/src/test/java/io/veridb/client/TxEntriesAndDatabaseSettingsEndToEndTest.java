package io.veridb.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.client.EntriesSpec.Action;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.TxHeader;
import io.veridb.server.ServerConfig;
import io.veridb.server.VeriDbServer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@code txById}/{@code verifiedTxById} with an {@link EntriesSpec} and database settings, on a real server. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class TxEntriesAndDatabaseSettingsEndToEndTest {

    @TempDir
    Path tmp;

    private VeriDbServer server;
    private VeriClient client;

    @BeforeEach
    void start() throws Exception {
        server = VeriDbServer.start(ServerConfig.builder().dir(tmp.resolve("data")).address("127.0.0.1").port(0)
                .dcbAddress("127.0.0.1").dcbPort(0).build());
        client = VeriClient.builder().address("127.0.0.1", server.port()).stateStore(new MemoryStateStore())
                .build();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        server.close();
    }

    private static byte[] b(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** One transaction with two key/value entries and one sorted-set member. */
    private TxHeader mixedTx() {
        client.set("k1", "old");
        return client.execAll(List.of(new Op.Set(KvWrite.of("k1", "v1")), new Op.Set(KvWrite.of("k2", "v2")),
                new Op.ZAdd(b("scores"), 2.5, b("k2"), 0)), List.of());
    }

    @Test
    void txByIdWithRawValuesReturnsStoredValuesThatHashToHValue() {
        TxHeader h = mixedTx();
        TxRecord tx = client.txById(h.id(), EntriesSpec.RAW_VALUES);
        assertThat(tx.header()).isEqualTo(h);
        assertThat(tx.entries()).hasSize(3).allSatisfy(e -> {
            assertThat(e.value()).isPresent();
            assertThat(Hashes.sha256(e.value().orElseThrow())).isEqualTo(e.hValue());
        });
        assertThat(tx.entries().get(0).value()).contains(Keys.plainValue(b("v1")));
        assertThat(tx.entries().get(2).value()).hasValueSatisfying(v -> assertThat(v).isEmpty());

        TxRecord digests = client.txById(h.id());
        assertThat(digests.entries()).allSatisfy(e -> assertThat(e.value()).isEmpty());
        assertThat(digests.entries()).containsExactlyElementsOf(
                tx.entries().stream().map(TxEntryRecord::withoutValue).toList());
    }

    @Test
    void txByIdResolvesAndExcludesPerKind() {
        TxHeader h = mixedTx();
        TxRecord resolved = client.txById(h.id(), new EntriesSpec(Action.RESOLVE, Action.RESOLVE, Action.EXCLUDE));
        assertThat(resolved.entries()).isEmpty();
        assertThat(resolved.kvEntries()).extracting(KvEntry::valueAsString).containsExactly("v1", "v2");
        assertThat(resolved.zEntries()).singleElement().satisfies(z -> {
            assertThat(z.score()).isEqualTo(2.5);
            assertThat(z.entry().valueAsString()).isEqualTo("v2");
        });

        TxRecord onlyMembers = client.txById(h.id(), new EntriesSpec(Action.EXCLUDE, Action.ONLY_DIGEST,
                Action.EXCLUDE));
        assertThat(onlyMembers.entries()).singleElement().satisfies(e -> {
            assertThat(e.key()[0]).isEqualTo(Keys.SET_PREFIX);
            assertThat(e.value()).isEmpty();
        });
    }

    @Test
    void verifiedTxByIdWithValuesProvesTheTxAndMovesTheTrustedState() {
        client.trustedState();
        TxHeader h = mixedTx();
        TxRecord tx = client.verifiedTxById(h.id(), EntriesSpec.RAW_VALUES);
        assertThat(tx.entries()).extracting(e -> e.value().orElseThrow())
                .containsExactly(Keys.plainValue(b("v1")), Keys.plainValue(b("v2")), new byte[0]);
        assertThat(client.trustedState().txId()).isEqualTo(h.id());
        assertThat(client.verifiedTxById(h.id() - 1, EntriesSpec.RAW_VALUES).entries())
                .extracting(e -> e.value().orElseThrow()).containsExactly(Keys.plainValue(b("old")));
        assertThat(client.trustedState().txId()).isEqualTo(h.id());
    }

    @Test
    void verifiedTxByIdWithAPartialSpecStillRebuildsEH() {
        TxHeader h = mixedTx();
        client.trustedState();
        TxRecord members = client.verifiedTxById(h.id(), new EntriesSpec(Action.EXCLUDE, Action.RAW_VALUE,
                Action.EXCLUDE));
        assertThat(members.entries()).singleElement().satisfies(e -> {
            assertThat(e.key()[0]).isEqualTo(Keys.SET_PREFIX);
            assertThat(e.value()).hasValueSatisfying(v -> assertThat(v).isEmpty());
        });
        assertThat(client.verifiedTxById(h.id(), EntriesSpec.DIGESTS).entries()).hasSize(3);
        assertThatThrownBy(() -> client.verifiedTxById(h.id(), new EntriesSpec(Action.RESOLVE, Action.EXCLUDE,
                Action.EXCLUDE))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot prove RESOLVE entries");
    }

    @Test
    void createDatabaseWithSettingsAppliesThemAndReportsThem() {
        AdminClient admin = client.admin();
        DatabaseSettings settings = DatabaseSettings.DEFAULTS.withHeaderVersion(0).withMaxKeyLen(16)
                .withMaxValueLen(4096).withMaxTxEntries(8);
        CreatedDatabase created = admin.createDatabase("LegacyDb", settings);
        assertThat(created.name()).isEqualTo("legacydb");
        assertThat(created.alreadyExisted()).isFalse();
        assertThat(created.settings().headerVersion()).hasValue(0);
        assertThat(created.settings().maxKeyLen()).hasValue(16);
        assertThat(created.settings().maxValueLen()).hasValue(4096);
        assertThat(created.settings().maxTxEntries()).hasValue(8);

        assertThat(admin.createDatabase("legacydb", settings.withIfNotExists(true)).alreadyExisted()).isTrue();
        assertThatThrownBy(() -> admin.createDatabase("legacydb", DatabaseSettings.DEFAULTS))
                .isInstanceOf(VeriClientException.class).hasMessageContaining("already exists");

        client.useDatabase("legacydb");
        assertThat(client.verifiedSet("short", "v").version()).isEqualTo(0);
        assertThatThrownBy(() -> client.set("a-key-longer-than-sixteen-bytes", "v"))
                .isInstanceOf(VeriClientException.class).hasMessageContaining("max key length exceeded");
    }

    @Test
    void databaseSettingsRejectValuesTheServerCannotHonour() {
        assertThatThrownBy(() -> DatabaseSettings.DEFAULTS.withHeaderVersion(2))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("headerVersion=2, want 0 or 1");
        assertThatThrownBy(() -> DatabaseSettings.DEFAULTS.withMaxKeyLen(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxKeyLen=0, want >= 1");
        assertThatThrownBy(() -> DatabaseSettings.DEFAULTS.withMaxTxEntries(-1))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("maxTxEntries=-1, want >= 1");
    }
}
