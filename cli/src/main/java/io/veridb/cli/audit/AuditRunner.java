package io.veridb.cli.audit;

import io.veridb.cli.support.ClientSettings;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.Failures;
import io.veridb.cli.support.Output;
import io.veridb.client.FileStateStore;
import io.veridb.client.ServerIdentityException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Runs audit rounds: each round connects, audits every named database (or every loaded one) and disconnects, so a
 * restarted server is picked up by the next round. Last audited states and the pinned server identity live in
 * {@code <state-dir>/audit}, apart from the client's trusted states. Not thread-safe.
 */
public final class AuditRunner {

    /** How a round ended. */
    public enum Outcome {
        /** Every database passed. */
        OK,
        /** The server could not be reached or refused a call; the next round tries again. */
        ERROR,
        /** A database failed verification. */
        FAILED
    }

    private final ClientSettings settings;
    private final List<String> named;
    private final boolean values;
    private final boolean full;
    private final Output out;
    private final Clock clock;
    private final FileStateStore store;

    /**
     * @param settings connection settings, with the password
     * @param named databases to audit; empty = every loaded database
     * @param values re-derive new transactions from their values
     * @param full re-derive every transaction from the genesis each round
     */
    public AuditRunner(ClientSettings settings, List<String> named, boolean values, boolean full, Output out,
            Clock clock) {
        this.settings = settings;
        this.named = List.copyOf(named);
        this.values = values;
        this.full = full;
        this.out = out;
        this.clock = clock;
        this.store = new FileStateStore(auditDir(settings.stateDir()));
    }

    /** Where audited states are kept under a state directory. */
    public static Path auditDir(Path stateDir) {
        return stateDir.resolve("audit");
    }

    /** Runs round number {@code round}, printing one report per database. */
    public Outcome round(long round) {
        AuditTrust trust = new AuditTrust(store);
        try (Connection c = Connection.open(settings, trust)) {
            GrpcAuditSource source = new GrpcAuditSource(c, trust);
            Auditor auditor = new Auditor(source, store, values, full);
            List<String> dbs = named.isEmpty() ? source.databases() : named;
            for (String db : dbs) {
                AuditResult r = auditor.audit(db);
                print(round, source.serverUuid(), r);
                if (!r.ok()) {
                    return Outcome.FAILED;
                }
            }
            return Outcome.OK;
        } catch (ServerIdentityException e) {
            printError(round, "FAILED", e.getMessage());
            return Outcome.FAILED;
        } catch (RuntimeException e) {
            printError(round, "error", Failures.message(e));
            return Outcome.ERROR;
        }
    }

    private void printError(long round, String status, String message) {
        Instant now = clock.instant();
        if (out.json()) {
            out.record(AuditReport.error(round, now, message).put("status", status));
        } else {
            out.text(now + " round " + round + ": " + status + ": " + message);
        }
    }

    private void print(long round, String server, AuditResult r) {
        Instant now = clock.instant();
        if (out.json()) {
            out.record(AuditReport.result(round, now, server, r));
        } else {
            out.text(AuditReport.line(round, now, server, r));
        }
    }
}
