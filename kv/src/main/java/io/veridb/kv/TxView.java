package io.veridb.kv;

import io.veridb.proofs.TxHeader;
import java.util.List;
import java.util.Objects;

/**
 * A transaction as returned to clients (the immudb {@code Tx} message), shaped by an {@link EntriesSpec}.
 *
 * @param header the header
 * @param entries raw entries (ONLY_DIGEST / RAW_VALUE kinds), in transaction order
 * @param kvEntries resolved key/value entries (RESOLVE)
 * @param zEntries resolved sorted-set entries (RESOLVE)
 */
public record TxView(TxHeader header, List<RawEntry> entries, List<KvEntry> kvEntries, List<ZEntry> zEntries) {

    public TxView {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
        kvEntries = List.copyOf(kvEntries);
        zEntries = List.copyOf(zEntries);
    }
}
