package io.veridb.client;

import java.util.Objects;

/**
 * What a transaction read returns for each kind of entry (immudb {@code EntriesSpec}): key/value entries (stored
 * key prefix {@code 0x00}), sorted-set entries ({@code 0x01}) and SQL entries ({@code 0x02}).
 *
 * <p>{@link #DIGESTS} is sent as an absent spec, which the server answers with every raw entry, entries of
 * unknown kinds included. Any other spec leaves entries of unknown kinds out.
 *
 * @param kv action for key/value entries
 * @param zset action for sorted-set entries
 * @param sql action for SQL entries
 */
public record EntriesSpec(Action kv, Action zset, Action sql) {

    /** Every raw entry without its value: the answer of a read without a spec. */
    public static final EntriesSpec DIGESTS = new EntriesSpec(Action.ONLY_DIGEST, Action.ONLY_DIGEST,
            Action.ONLY_DIGEST);

    /** Every raw entry with its stored value (expired entries are left out by the server). */
    public static final EntriesSpec RAW_VALUES = new EntriesSpec(Action.RAW_VALUE, Action.RAW_VALUE,
            Action.RAW_VALUE);

    /** Per entry kind, what the server returns (immudb {@code EntryTypeAction}). */
    public enum Action {
        /** Leave the entries out. */
        EXCLUDE,
        /** The raw entry: key, hValue, vLen and metadata. */
        ONLY_DIGEST,
        /** The raw entry and its stored value (with its data-model prefix). */
        RAW_VALUE,
        /**
         * The decoded entry ({@link TxRecord#kvEntries()}, {@link TxRecord#zEntries()}) instead of the raw one;
         * references and sorted-set members are resolved, so the values may come from other transactions.
         */
        RESOLVE
    }

    public EntriesSpec {
        Objects.requireNonNull(kv, "kv");
        Objects.requireNonNull(zset, "zset");
        Objects.requireNonNull(sql, "sql");
    }

    /** The action the server applies to the raw entry with stored key {@code key} (as the server decides it). */
    Action actionFor(byte[] key) {
        if (key.length == 0) {
            return Action.ONLY_DIGEST;
        }
        return switch (key[0]) {
            case Keys.PLAIN_PREFIX -> kv;
            case Keys.SET_PREFIX -> zset;
            case Keys.SQL_PREFIX -> sql;
            default -> equals(DIGESTS) ? Action.ONLY_DIGEST : Action.EXCLUDE;
        };
    }

    boolean resolves() {
        return kv == Action.RESOLVE || zset == Action.RESOLVE || sql == Action.RESOLVE;
    }
}
