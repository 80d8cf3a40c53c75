package io.veridb.cli.audit;

import io.veridb.cli.support.Connection;
import io.veridb.client.DatabaseInfo;
import io.veridb.client.DatabaseState;
import io.veridb.client.EntriesSpec;
import io.veridb.client.TxEntryRecord;
import io.veridb.client.TxRecord;
import io.veridb.proofs.Verification;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * An {@link AuditSource} over one connection. Dual proofs are checked by the SDK ({@code verifiedTxById} starting
 * from the last audited state, set in {@link AuditTrust}); transactions with values come from {@code txById} with
 * {@code RAW_VALUES}, plus a digest-only read when some entries came back without a value. Not thread-safe.
 */
final class GrpcAuditSource implements AuditSource {

    static final String SYSTEM_DB = "systemdb";

    private final Connection connection;
    private final AuditTrust trust;
    private String current;

    GrpcAuditSource(Connection connection, AuditTrust trust) {
        this.connection = connection;
        this.trust = trust;
        this.current = connection.client().database();
    }

    @Override
    public String serverUuid() {
        return connection.client().serverUuid();
    }

    @Override
    public List<String> databases() {
        return connection.client().admin().listDatabases().stream()
                .filter(DatabaseInfo::loaded)
                .map(DatabaseInfo::name)
                .filter(n -> !SYSTEM_DB.equals(n))
                .sorted()
                .toList();
    }

    @Override
    public DatabaseState currentState(String database) {
        switchTo(database);
        return connection.client().currentState();
    }

    @Override
    public Verification proveExtends(String database, DatabaseState trusted, DatabaseState currentState) {
        switchTo(database);
        trust.trust(serverUuid(), trusted);
        connection.client().verifiedTxById(currentState.txId());
        DatabaseState proven = trust.load(serverUuid(), database).orElseThrow();
        if (proven.txId() != currentState.txId()) {
            return Verification.failure("proven tx", currentState.txId(), proven.txId());
        }
        return Verification.equalHashes("Alh of tx " + proven.txId() + " proven vs current state",
                currentState.alh(), proven.alh());
    }

    @Override
    public AuditTx tx(String database, long txId) {
        switchTo(database);
        TxRecord withValues = connection.client().txById(txId, EntriesSpec.RAW_VALUES);
        if (withValues.entries().size() == withValues.header().nentries()) {
            return auditTx(withValues, withValues);
        }
        return auditTx(connection.client().txById(txId), withValues);
    }

    /**
     * The transaction in {@code withDigests} (every raw entry) with the values found in {@code withValues}
     * (matched by key; keys are unique within a transaction).
     */
    static AuditTx auditTx(TxRecord withDigests, TxRecord withValues) {
        List<AuditEntry> entries = new ArrayList<>(withDigests.entries().size());
        for (TxEntryRecord e : withDigests.entries()) {
            Optional<byte[]> value = e.value().or(() -> withValues.entries().stream()
                    .filter(v -> Arrays.equals(v.key(), e.key()))
                    .findFirst()
                    .flatMap(TxEntryRecord::value));
            entries.add(new AuditEntry(e.key(), e.metadata(), e.hValue(), e.vLen(), value));
        }
        return new AuditTx(withDigests.header(), entries);
    }

    private void switchTo(String database) {
        if (!database.equals(current)) {
            connection.useDatabase(database);
            current = database;
        }
    }
}
