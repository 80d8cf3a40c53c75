package io.veridb.server.immu;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.util.HashSet;
import java.util.Set;

/** The immudb RPCs VeriDB does not implement (SQL, replication, truncation), answered with UNIMPLEMENTED. */
final class Unsupported {
    static final Set<String> SQL = Set.of("SQLExec", "SQLQuery", "UnarySQLQuery", "TxSQLExec", "TxSQLQuery", "NewTx",
            "Commit", "Rollback", "ListTables", "DescribeTable", "VerifiableSQLGet", "ChangeSQLPrivileges");
    static final Set<String> REPLICATION = Set.of("exportTx", "replicateTx", "streamExportTx");
    static final Set<String> TRUNCATION = Set.of("TruncateDatabase");

    static final Set<String> METHODS;

    static {
        HashSet<String> all = new HashSet<>(SQL);
        all.addAll(REPLICATION);
        all.addAll(TRUNCATION);
        METHODS = Set.copyOf(all);
    }

    private Unsupported() {}

    /** UNIMPLEMENTED for {@code method}, saying what VeriDB lacks. */
    static StatusRuntimeException error(String method) {
        String what;
        if (SQL.contains(method)) {
            what = "SQL";
        } else if (REPLICATION.contains(method)) {
            what = "replication";
        } else {
            what = "database truncation";
        }
        return Status.UNIMPLEMENTED
                .withDescription("VeriDB does not implement " + what + " yet (" + method
                        + "); use the key-value API")
                .asRuntimeException();
    }
}
