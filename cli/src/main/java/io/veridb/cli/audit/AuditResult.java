package io.veridb.cli.audit;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of auditing one database in one round.
 *
 * @param database the database
 * @param fromTx last audited transaction before this round (0 = none)
 * @param toTx the server's current transaction, audited up to here when ok
 * @param txs transactions re-derived from their bytes
 * @param values values re-hashed
 * @param valuesUnavailable values the server did not return (expired entries, entry kinds outside the immudb API)
 * @param firstAudit no earlier audit of this database on this server was recorded
 * @param failure what did not verify; empty when the database passed
 */
public record AuditResult(String database, long fromTx, long toTx, long txs, long values, long valuesUnavailable,
        boolean firstAudit, Optional<String> failure) {

    public AuditResult {
        Objects.requireNonNull(database, "database");
        Objects.requireNonNull(failure, "failure");
    }

    /** True when the database passed. */
    public boolean ok() {
        return failure.isEmpty();
    }
}
