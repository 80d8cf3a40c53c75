package io.veridb.client;

import io.veridb.proofs.TxHeader;
import java.util.List;
import java.util.Objects;

/**
 * A committed transaction: its header and its entries as the read's {@link EntriesSpec} shaped them.
 *
 * @param header the transaction header
 * @param entries raw entries in commit order, as hashed into {@code header.eH()}: all of them for
 *     {@link EntriesSpec#DIGESTS}, otherwise those of the kinds asked for as {@code ONLY_DIGEST} or
 *     {@code RAW_VALUE} (the latter with values, expired entries left out)
 * @param kvEntries key/value entries of a {@code RESOLVE} read, decoded and resolved as {@code Get} would
 * @param zEntries sorted-set entries of a {@code RESOLVE} read, with their resolved member entries
 */
public record TxRecord(TxHeader header, List<TxEntryRecord> entries, List<KvEntry> kvEntries,
        List<SortedSetEntry> zEntries) {

    public TxRecord {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
        kvEntries = List.copyOf(kvEntries);
        zEntries = List.copyOf(zEntries);
    }

    /** A transaction with raw entries only. */
    public TxRecord(TxHeader header, List<TxEntryRecord> entries) {
        this(header, entries, List.of(), List.of());
    }
}
