package io.veridb.cli.audit;

import io.veridb.proofs.TxHeader;
import java.util.List;
import java.util.Objects;

/**
 * A transaction fetched for auditing: its header and every raw entry in commit order.
 *
 * @param header the header as the server sent it
 * @param entries the raw entries, with values where available
 */
public record AuditTx(TxHeader header, List<AuditEntry> entries) {

    public AuditTx {
        Objects.requireNonNull(header, "header");
        entries = List.copyOf(entries);
    }
}
