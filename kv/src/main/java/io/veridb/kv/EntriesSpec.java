package io.veridb.kv;

import java.util.Objects;

/**
 * Per entry kind, what a transaction read returns (the immudb {@code EntriesSpec}). A request without a spec
 * means {@link #ALL_DIGESTS}: every entry raw, in order.
 *
 * @param kv key/value entries (prefix 0x00)
 * @param zset sorted-set entries (prefix 0x01)
 * @param sql SQL entries (prefix 0x02; only EXCLUDE, ONLY_DIGEST and RAW_VALUE are supported)
 */
public record EntriesSpec(EntryAction kv, EntryAction zset, EntryAction sql) {

    /** Every entry as a raw digest entry: the reply when no spec is given. */
    public static final EntriesSpec ALL_DIGESTS =
            new EntriesSpec(EntryAction.ONLY_DIGEST, EntryAction.ONLY_DIGEST, EntryAction.ONLY_DIGEST);

    /** No entries at all (header only). */
    public static final EntriesSpec NONE = new EntriesSpec(EntryAction.EXCLUDE, EntryAction.EXCLUDE, EntryAction.EXCLUDE);

    public EntriesSpec {
        Objects.requireNonNull(kv, "kv");
        Objects.requireNonNull(zset, "zset");
        Objects.requireNonNull(sql, "sql");
    }
}
