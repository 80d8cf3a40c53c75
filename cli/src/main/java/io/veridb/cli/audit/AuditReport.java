package io.veridb.cli.audit;

import io.veridb.cli.support.Fields;
import java.time.Instant;

/** How a round's results are printed: one line (or one JSON object) per database, and one per round error. Pure. */
final class AuditReport {

    private AuditReport() {}

    static Fields result(long round, Instant at, String server, AuditResult r) {
        Fields f = Fields.of().put("round", round).put("time", at.toString()).put("server", server)
                .put("database", r.database()).put("status", r.ok() ? "ok" : "FAILED")
                .put("fromTx", r.fromTx()).put("toTx", r.toTx()).put("txs", r.txs()).put("values", r.values())
                .put("valuesUnavailable", r.valuesUnavailable()).put("firstAudit", r.firstAudit());
        r.failure().ifPresent(m -> f.put("failure", m));
        return f;
    }

    static String line(long round, Instant at, String server, AuditResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(at).append(" round ").append(round).append(' ').append(r.database()).append('@').append(server)
                .append(": ");
        if (r.ok()) {
            sb.append("ok tx ").append(r.fromTx()).append(" -> ").append(r.toTx());
            if (r.firstAudit()) {
                sb.append(" (first audit)");
            }
            sb.append(", ").append(r.txs()).append(" txs re-derived, ").append(r.values()).append(" values re-hashed");
            if (r.valuesUnavailable() > 0) {
                sb.append(", ").append(r.valuesUnavailable()).append(" values not served");
            }
        } else {
            sb.append("FAILED at tx ").append(r.fromTx()).append(" -> ").append(r.toTx()).append(": ")
                    .append(r.failure().orElseThrow());
        }
        return sb.toString();
    }

    static Fields error(long round, Instant at, String message) {
        return Fields.of().put("round", round).put("time", at.toString()).put("status", "error")
                .put("error", message);
    }
}
