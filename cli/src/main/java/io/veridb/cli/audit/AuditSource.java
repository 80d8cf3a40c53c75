package io.veridb.cli.audit;

import io.veridb.client.DatabaseState;
import io.veridb.proofs.Verification;
import java.util.List;

/**
 * What the auditor asks of a server. {@link GrpcAuditSource} asks a real one over the SDK; tests use a ledger built
 * from the proofs module. Failures to reach the server are thrown as SDK exceptions.
 */
interface AuditSource {

    /** The server's persistent identity. */
    String serverUuid();

    /** The databases to audit when none are named: every loaded user database. */
    List<String> databases();

    /** The server's current state of {@code database} (signature checked when a server key is configured). */
    DatabaseState currentState(String database);

    /**
     * Checks with a dual proof that {@code current} extends {@code trusted} (the same history, longer).
     * Requires {@code trusted.txId() < current.txId()}.
     */
    Verification proveExtends(String database, DatabaseState trusted, DatabaseState current);

    /**
     * Transaction {@code txId} of {@code database} with all its raw entries and, where the server serves them,
     * their values.
     */
    AuditTx tx(String database, long txId);
}
