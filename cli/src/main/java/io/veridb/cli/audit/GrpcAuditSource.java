package io.veridb.cli.audit;

import io.veridb.cli.support.Connection;
import io.veridb.client.DatabaseInfo;
import io.veridb.client.DatabaseState;
import io.veridb.protocol.immudb.EntriesSpec;
import io.veridb.protocol.immudb.EntryTypeAction;
import io.veridb.protocol.immudb.EntryTypeSpec;
import io.veridb.protocol.immudb.Tx;
import io.veridb.protocol.immudb.TxRequest;
import io.veridb.proofs.Verification;
import java.util.List;

/**
 * An {@link AuditSource} over one connection. Dual proofs are checked by the SDK ({@code verifiedTxById} starting
 * from the last audited state, set in {@link AuditTrust}); transactions with values come from {@code TxById} with
 * {@code RAW_VALUE}, plus a digest-only read when some entries came back without a value. Not thread-safe.
 */
final class GrpcAuditSource implements AuditSource {

    static final String SYSTEM_DB = "systemdb";
    private static final EntryTypeSpec RAW = EntryTypeSpec.newBuilder().setAction(EntryTypeAction.RAW_VALUE).build();
    private static final EntriesSpec VALUES = EntriesSpec.newBuilder()
            .setKvEntriesSpec(RAW).setZEntriesSpec(RAW).setSqlEntriesSpec(RAW).build();

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
        Tx withValues = connection.raw().call("TxById",
                s -> s.txById(TxRequest.newBuilder().setTx(txId).setEntriesSpec(VALUES).build()));
        if (withValues.getEntriesCount() == withValues.getHeader().getNentries()) {
            return TxWire.read(withValues);
        }
        Tx digests = connection.raw().call("TxById", s -> s.txById(TxRequest.newBuilder().setTx(txId).build()));
        return TxWire.read(digests, withValues);
    }

    private void switchTo(String database) {
        if (!database.equals(current)) {
            connection.useDatabase(database);
            current = database;
        }
    }
}
