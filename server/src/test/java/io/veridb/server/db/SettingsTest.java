package io.veridb.server.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.ledger.LedgerOptions;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.protocol.immudb.IndexNullableSettings;
import io.veridb.protocol.immudb.NullableBool;
import io.veridb.protocol.immudb.NullableUint32;
import java.util.List;
import org.junit.jupiter.api.Test;

class SettingsTest {
    private static NullableUint32 u32(int v) {
        return NullableUint32.newBuilder().setValue(v).build();
    }

    @Test
    void overlayReplacesPresentFieldsEvenWithZeroValues() {
        DatabaseNullableSettings s = Settings.overlay(Settings.defaults(),
                DatabaseNullableSettings.newBuilder().setWriteTxHeaderVersion(u32(0)).setMaxKeyLen(u32(64)).build());
        assertThat(s.getWriteTxHeaderVersion().getValue()).isZero();
        assertThat(s.getMaxKeyLen().getValue()).isEqualTo(64);
        assertThat(s.getMaxValueLen().getValue()).isEqualTo(1 << 25);
        assertThat(s.getAutoload().getValue()).isTrue();
    }

    @Test
    void overlayMergesNestedGroupsFieldByField() {
        DatabaseNullableSettings base = Settings.defaults().toBuilder()
                .setIndexSettings(IndexNullableSettings.newBuilder().setCacheSize(u32(10)).setFlushThreshold(u32(5)))
                .build();
        DatabaseNullableSettings s = Settings.overlay(base, DatabaseNullableSettings.newBuilder()
                .setIndexSettings(IndexNullableSettings.newBuilder().setCacheSize(u32(20))).build());
        assertThat(s.getIndexSettings().getCacheSize().getValue()).isEqualTo(20);
        assertThat(s.getIndexSettings().getFlushThreshold().getValue()).isEqualTo(5);
    }

    @Test
    void ledgerOptionsCarryLimitsAndHeaderVersion() {
        DatabaseNullableSettings s = Settings.overlay(Settings.defaults(), DatabaseNullableSettings.newBuilder()
                .setMaxKeyLen(u32(100)).setMaxValueLen(u32(4096)).setMaxTxEntries(u32(10))
                .setWriteTxHeaderVersion(u32(0)).build());
        LedgerOptions o = Settings.ledgerOptions(s, List.of());
        assertThat(o.maxKeyLength()).isEqualTo(100);
        assertThat(o.maxValueLength()).isEqualTo(4096);
        assertThat(o.maxTxEntries()).isEqualTo(10);
        assertThat(o.headerVersion()).isZero();
    }

    @Test
    void invalidValuesAreNamed() {
        assertThatThrownBy(() -> Settings.validate(Settings.overlay(Settings.defaults(),
                        DatabaseNullableSettings.newBuilder().setWriteTxHeaderVersion(u32(2)).build())))
                .hasMessage("illegal arguments: writeTxHeaderVersion=2, want 0..1");
        assertThatThrownBy(() -> Settings.validate(Settings.overlay(Settings.defaults(),
                        DatabaseNullableSettings.newBuilder().setMaxTxEntries(u32(0)).build())))
                .hasMessage("illegal arguments: maxTxEntries=0, want 1..65535");
    }

    @Test
    void limitsCannotChangeAfterCreation() {
        assertThatThrownBy(() -> Settings.checkUpdatable(
                        DatabaseNullableSettings.newBuilder().setMaxKeyLen(u32(10)).build(), "db1"))
                .hasMessage("illegal arguments: max key length can not be changed after database creation ('db1')");
        Settings.checkUpdatable(DatabaseNullableSettings.newBuilder()
                .setAutoload(NullableBool.newBuilder().setValue(false)).build(), "db1");
    }
}
