package io.veridb.server.immu;

import static io.veridb.server.Statuses.assertFails;

import com.google.protobuf.Empty;
import io.grpc.Status.Code;
import io.veridb.protocol.immudb.AuthConfig;
import io.veridb.protocol.immudb.ExportTxRequest;
import io.veridb.protocol.immudb.NewTxRequest;
import io.veridb.protocol.immudb.SQLExecRequest;
import io.veridb.protocol.immudb.SQLQueryRequest;
import io.veridb.protocol.immudb.TruncateDatabaseRequest;
import io.veridb.server.TestServer;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UnsupportedRpcsTest {
    @TempDir
    Path dir;

    @Test
    void sqlReplicationAndTruncationAnswerUnimplementedWithAReason() throws Exception {
        try (TestServer t = TestServer.start(dir)) {
            var s = t.admin();
            assertFails(() -> s.sQLExec(SQLExecRequest.newBuilder().setSql("SELECT 1").build()),
                    Code.UNIMPLEMENTED, "VeriDB does not implement SQL yet (SQLExec); use the key-value API");
            assertFails(() -> s.sQLQuery(SQLQueryRequest.getDefaultInstance()).hasNext(), Code.UNIMPLEMENTED,
                    "VeriDB does not implement SQL yet (SQLQuery); use the key-value API");
            assertFails(() -> s.listTables(Empty.getDefaultInstance()), Code.UNIMPLEMENTED,
                    "VeriDB does not implement SQL yet (ListTables); use the key-value API");
            assertFails(() -> s.newTx(NewTxRequest.getDefaultInstance()), Code.UNIMPLEMENTED,
                    "VeriDB does not implement SQL yet (NewTx); use the key-value API");
            assertFails(() -> s.exportTx(ExportTxRequest.getDefaultInstance()).hasNext(), Code.UNIMPLEMENTED,
                    "VeriDB does not implement replication yet (exportTx); use the key-value API");
            assertFails(() -> s.truncateDatabase(TruncateDatabaseRequest.getDefaultInstance()), Code.UNIMPLEMENTED,
                    "VeriDB does not implement database truncation yet (TruncateDatabase); use the key-value API");
            assertFails(() -> t.anonymous().sQLExec(SQLExecRequest.getDefaultInstance()), Code.UNIMPLEMENTED,
                    "VeriDB does not implement SQL yet (SQLExec); use the key-value API");
            assertFails(() -> s.updateAuthConfig(AuthConfig.getDefaultInstance()), Code.UNKNOWN,
                    "operation not supported");
        }
    }
}
