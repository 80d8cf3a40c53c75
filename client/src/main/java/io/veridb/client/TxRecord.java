package io.veridb.client;

import io.veridb.proofs.TxHeader;
import java.util.List;
import java.util.Objects;

/**
 * A committed transaction: its header and its raw entries in commit order.
 *
 * @param header the transaction header
 * @param entries raw entries, as hashed into {@code header.eH()}
 */
public record TxRecord(TxHeader header, List<TxEntryRecord> entries) {

    public TxRecord {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
    }
}
