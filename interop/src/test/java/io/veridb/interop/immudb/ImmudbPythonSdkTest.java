package io.veridb.interop.immudb;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * immudb-py 1.5.0 (token auth: Login + UseDatabase) runs python/immudb/immudb_interop.py against the server and
 * checks everything with the SDK's own verification, including state signatures against the server's public key.
 */
class ImmudbPythonSdkTest {

    @TempDir
    Path tmp;

    @Test
    void immudbPyVerifiesEveryOperationAndTheStateSignature() throws Exception {
        Path python = Toolchains.immudbPython();
        Path script = Toolchains.moduleDir().resolve("python/immudb/immudb_interop.py");
        SigningKey key = SigningKey.generate(tmp.resolve("keys"));
        try (ServerUnderTest server = ServerUnderTest.start(tmp.resolve("data"), key)) {
            ClientRun run = ClientRun.run(
                    List.of(python.toString(), script.toString(), "--address", server.host() + ":" + server.port(),
                            "--pubkey", key.publicKeyPem().toString()),
                    tmp, Map.of("HOME", tmp.toString(), "PYTHONDONTWRITEBYTECODE", "1"), Duration.ofMinutes(3));
            run.assertSucceeded(
                    "ok   CurrentState signature verifies with the server public key",
                    "ok   CurrentState signature fails with another key",
                    "ok   createDatabase + databaseList",
                    "ok   createUser + listUsers",
                    "ok   changePermission GRANT read",
                    "ok   login with the changed password",
                    "ok   verifiedSet x60 carries the trusted state forward",
                    "ok   verifiedGet x60",
                    "ok   setAll/getAll",
                    "ok   history",
                    "ok   verifiedGet through a reference",
                    "ok   zScan order, scores and entries",
                    "ok   scan prefix",
                    "ok   verifiedTxById of an old tx",
                    "ok   verifiedSet/verifiedGet on a header-version-0 database",
                    "ALL OK");
        }
    }
}
