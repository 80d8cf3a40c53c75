package io.veridb.server.immu;

import com.google.protobuf.Empty;
import io.veridb.protocol.immudb.DatabaseHealthResponse;
import io.veridb.protocol.immudb.FlushIndexResponse;
import io.veridb.protocol.immudb.HealthResponse;
import io.veridb.protocol.immudb.ServerInfoResponse;
import io.veridb.server.db.DatabaseManager;

/** Health, ServerInfo, DatabaseHealth and the index maintenance RPCs. */
final class ServerRpcs {
    /** The immudb version VeriDB reports (the protocol generation it implements). */
    static final String VERSION = "1.11.1";

    private final ImmuContext ctx;
    private final Activity activity;

    ServerRpcs(ImmuContext ctx, Activity activity) {
        this.ctx = ctx;
        this.activity = activity;
    }

    HealthResponse health() {
        return HealthResponse.newBuilder().setStatus(true).setVersion(VERSION).build();
    }

    ServerInfoResponse serverInfo() {
        long txs = 0;
        long disk = 0;
        int count = 0;
        for (DatabaseManager.Listed listed : ctx.databases().list()) {
            count++;
            disk += ctx.databases().diskSize(listed.info().getName());
            if (listed.loaded()) {
                txs += listed.database().ledger().lastTxId();
            }
        }
        return ServerInfoResponse.newBuilder()
                .setVersion(VERSION)
                .setStartedAt(ctx.startedAt().getEpochSecond())
                .setNumTransactions(txs)
                .setNumDatabases(count)
                .setDatabasesDiskSize(disk)
                .build();
    }

    DatabaseHealthResponse databaseHealth() {
        String db = CallerContext.current().database();
        ctx.databases().get(db);
        return DatabaseHealthResponse.newBuilder()
                .setPendingRequests(activity.pending(db))
                .setLastRequestCompletedAt(activity.lastCompletedMillis(db))
                .build();
    }

    /** The ledger indexes synchronously at commit, so there is never anything to flush. */
    FlushIndexResponse flushIndex() {
        String db = CallerContext.current().database();
        ctx.databases().get(db);
        return FlushIndexResponse.newBuilder().setDatabase(db).build();
    }

    /** The key index (RocksDB) compacts itself; accepted for compatibility. */
    Empty compactIndex() {
        ctx.databases().get(CallerContext.current().database());
        return Empty.getDefaultInstance();
    }
}
