package io.veridb.server.db;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.Message;
import io.veridb.ledger.LedgerOptions;
import io.veridb.ledger.SecondaryIndex;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.protocol.immudb.NullableBool;
import io.veridb.protocol.immudb.NullableUint32;
import java.util.List;
import java.util.Map;

/**
 * Database settings as immudb's {@code DatabaseNullableSettings} (how they are stored in systemdb and returned to
 * clients) and their translation to {@link LedgerOptions}. VeriDB honours {@code maxKeyLen}, {@code maxValueLen},
 * {@code maxTxEntries}, {@code writeTxHeaderVersion} (field 20) and {@code autoload}; other fields are kept and
 * echoed back unchanged.
 */
final class Settings {
    static final int DEFAULT_FILE_SIZE = 1 << 29;
    static final int DEFAULT_MAX_KEY_LEN = 1024;
    static final int DEFAULT_MAX_VALUE_LEN = 1 << 25;
    static final int DEFAULT_MAX_TX_ENTRIES = 1024;
    static final int DEFAULT_HEADER_VERSION = 1;

    private Settings() {}

    /** immudb's defaults for the fields VeriDB reports. */
    static DatabaseNullableSettings defaults() {
        return DatabaseNullableSettings.newBuilder()
                .setFileSize(u32(DEFAULT_FILE_SIZE))
                .setMaxKeyLen(u32(DEFAULT_MAX_KEY_LEN))
                .setMaxValueLen(u32(DEFAULT_MAX_VALUE_LEN))
                .setMaxTxEntries(u32(DEFAULT_MAX_TX_ENTRIES))
                .setExcludeCommitTime(NullableBool.newBuilder().setValue(false))
                .setWriteTxHeaderVersion(u32(DEFAULT_HEADER_VERSION))
                .setAutoload(NullableBool.newBuilder().setValue(true))
                .build();
    }

    /**
     * {@code base} with every field present in {@code overlay} replaced; nested setting groups are overlaid field by
     * field, so a client sending {@code writeTxHeaderVersion = {value: 0}} really gets 0.
     */
    static <M extends Message> M overlay(M base, M overlay) {
        Message.Builder out = base.toBuilder();
        for (Map.Entry<FieldDescriptor, Object> f : overlay.getAllFields().entrySet()) {
            FieldDescriptor field = f.getKey();
            Object value = f.getValue();
            boolean group = field.getJavaType() == FieldDescriptor.JavaType.MESSAGE
                    && !field.isRepeated()
                    && !field.getMessageType().getName().startsWith("Nullable")
                    && base.hasField(field);
            if (group) {
                out.setField(field, overlay((Message) base.getField(field), (Message) value));
            } else {
                out.setField(field, value);
            }
        }
        @SuppressWarnings("unchecked")
        M result = (M) out.build();
        return result;
    }

    /** Rejects changes immudb does not allow after creation (limits and file size). */
    static void checkUpdatable(DatabaseNullableSettings update, String db) {
        String field = null;
        if (update.hasFileSize()) {
            field = "file size";
        } else if (update.hasMaxKeyLen()) {
            field = "max key length";
        } else if (update.hasMaxValueLen()) {
            field = "max value length";
        } else if (update.hasMaxTxEntries()) {
            field = "max number of entries per transaction";
        }
        if (field != null) {
            throw new DatabaseException(DatabaseException.Reason.ILLEGAL_SETTINGS,
                    "illegal arguments: " + field + " can not be changed after database creation ('" + db + "')");
        }
    }

    /** Validates the honoured fields of complete settings; ILLEGAL_SETTINGS names the field, value and range. */
    static void validate(DatabaseNullableSettings s) {
        requireRange("maxKeyLen", s.getMaxKeyLen().getValue(), 2, 0xFFFF);
        requireRange("maxValueLen", s.getMaxValueLen().getValue(), 1, Integer.MAX_VALUE - 64);
        requireRange("maxTxEntries", s.getMaxTxEntries().getValue(), 1, 0xFFFF);
        requireRange("writeTxHeaderVersion", s.getWriteTxHeaderVersion().getValue(), 0, 1);
    }

    /** Ledger options for a database with settings {@code s}. */
    static LedgerOptions ledgerOptions(DatabaseNullableSettings s, List<SecondaryIndex> secondaryIndexes) {
        validate(s);
        return LedgerOptions.defaults()
                .withLimits(s.getMaxKeyLen().getValue(), s.getMaxValueLen().getValue(),
                        s.getMaxTxEntries().getValue())
                .withHeaderVersion(s.getWriteTxHeaderVersion().getValue())
                .withSecondaryIndexes(secondaryIndexes);
    }

    /** True unless the settings say autoload = false. */
    static boolean autoload(DatabaseNullableSettings s) {
        return !s.hasAutoload() || s.getAutoload().getValue();
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new DatabaseException(DatabaseException.Reason.ILLEGAL_SETTINGS,
                    "illegal arguments: " + name + "=" + Integer.toUnsignedString((int) value) + ", want " + min
                            + ".." + max);
        }
    }

    private static NullableUint32 u32(int v) {
        return NullableUint32.newBuilder().setValue(v).build();
    }
}
