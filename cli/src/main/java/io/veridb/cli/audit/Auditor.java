package io.veridb.cli.audit;

import io.grpc.Status;
import io.veridb.cli.support.IntegrityFailure;
import io.veridb.client.DatabaseState;
import io.veridb.client.StateStore;
import io.veridb.client.VeriClientException;
import io.veridb.client.VerificationException;
import io.veridb.proofs.Verification;
import java.util.Arrays;
import java.util.Optional;

/**
 * Audits one database against the last audited state: the server's current state must extend it (same txId and
 * Alh, or a longer history proven by a dual proof), and, unless values are skipped, every new transaction is
 * re-derived from its bytes ({@link ChainCheck}) — from the genesis on the first audit. Only a database that
 * passes has its new state recorded in the {@link StateStore}, so a failure is reported again next time.
 * Without values, the first audit trusts the current state as its starting point. A full audit re-derives every
 * transaction from the genesis each time, which also catches damage to values older than the last audit (the
 * proofs commit to value hashes, so only re-reading a value shows that its stored bytes changed). Not thread-safe.
 */
final class Auditor {

    private final AuditSource source;
    private final StateStore audited;
    private final boolean values;
    private final boolean full;

    /**
     * @param values re-derive new transactions from their values
     * @param full re-derive every transaction from the genesis (implies values)
     */
    Auditor(AuditSource source, StateStore audited, boolean values, boolean full) {
        this.source = source;
        this.audited = audited;
        this.values = values || full;
        this.full = full;
    }

    /**
     * Audits {@code database}. Integrity failures (proofs, hashes, data loss reported by the server) come back as
     * a failed result; failures to reach or use the server are thrown.
     */
    AuditResult audit(String database) {
        String uuid = source.serverUuid();
        Optional<DatabaseState> last = audited.load(uuid, database);
        long fromTx = last.map(DatabaseState::txId).orElse(0L);
        Progress p = new Progress(database, fromTx, last.isEmpty());
        try {
            DatabaseState current = source.currentState(database);
            p.toTx = current.txId();
            Optional<String> failure = check(database, last, current, p);
            if (failure.isEmpty()) {
                audited.save(uuid, current);
            }
            return p.result(failure);
        } catch (VerificationException | IntegrityFailure e) {
            return p.result(Optional.of(e.getMessage()));
        } catch (VeriClientException e) {
            if (e.code() == Status.Code.DATA_LOSS) {
                return p.result(Optional.of("server reports damaged data: " + e.getMessage()));
            }
            throw e;
        }
    }

    private Optional<String> check(String db, Optional<DatabaseState> last, DatabaseState current, Progress p) {
        if (last.isPresent()) {
            DatabaseState l = last.get();
            if (current.txId() < l.txId()) {
                return Optional.of("state went back: audited tx " + l.txId() + ", server now reports tx "
                        + current.txId());
            }
            if (current.txId() == l.txId() && !Arrays.equals(current.alh(), l.alh())) {
                return failed(Verification.failure("Alh of audited tx " + l.txId(), l.alh(), current.alh()));
            }
            if (current.txId() == l.txId() && !full) {
                return Optional.empty();
            }
            if (l.txId() > 0 && l.txId() < current.txId()) {
                Verification v = source.proveExtends(db, l, current);
                if (!v.isOk()) {
                    return failed(v.within("dual proof " + l.txId() + " -> " + current.txId()));
                }
            }
        }
        if (!values) {
            return Optional.empty();
        }
        DatabaseState from = full ? DatabaseState.empty(db) : last.orElse(DatabaseState.empty(db));
        return rederive(db, from, current, p);
    }

    private Optional<String> rederive(String db, DatabaseState from, DatabaseState to, Progress p) {
        ChainCheck chain = new ChainCheck(from);
        try {
            for (long id = from.txId() + 1; id <= to.txId(); id++) {
                Verification v = chain.accept(source.tx(db, id));
                if (!v.isOk()) {
                    return failed(v);
                }
            }
            return failed(chain.finish(to));
        } finally {
            p.txs = chain.txs();
            p.values = chain.values();
            p.unavailable = chain.valuesUnavailable();
        }
    }

    private static Optional<String> failed(Verification v) {
        return v instanceof Verification.Failure f ? Optional.of(f.message()) : Optional.empty();
    }

    /** Counters of one database's audit, filled in as it goes. */
    private static final class Progress {
        final String database;
        final long fromTx;
        final boolean first;
        long toTx;
        long txs;
        long values;
        long unavailable;

        Progress(String database, long fromTx, boolean first) {
            this.database = database;
            this.fromTx = fromTx;
            this.first = first;
        }

        AuditResult result(Optional<String> failure) {
            return new AuditResult(database, fromTx, toTx, txs, values, unavailable, first, failure);
        }
    }
}
