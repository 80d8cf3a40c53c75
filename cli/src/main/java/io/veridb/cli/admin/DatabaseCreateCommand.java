package io.veridb.cli.admin;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.protocol.immudb.CreateDatabaseRequest;
import io.veridb.protocol.immudb.CreateDatabaseResponse;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.protocol.immudb.NullableUint32;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * Creates a database ({@code CreateDatabaseV2}) with the settings VeriDB honours: transaction header version
 * (0 for immudb 1.1 clients such as immudb-node, else 1) and the key, value and entry limits. Unset limits take
 * the server defaults (1024-byte keys, 32 MiB values, 1024 entries per transaction).
 */
@Command(name = "create", mixinStandardHelpOptions = true, description = "Create database NAME.")
public final class DatabaseCreateCommand extends ConnectedCommand {

    @Parameters(paramLabel = "NAME")
    String name;

    @Option(names = "--header-version", paramLabel = "0|1",
            description = "Transaction header version (default 1; 0 for immudb 1.1 era clients).")
    Integer headerVersion;

    @Option(names = "--max-key-len", paramLabel = "BYTES", description = "Longest key, prefix included.")
    Integer maxKeyLen;

    @Option(names = "--max-value-len", paramLabel = "BYTES", description = "Longest value, prefix included.")
    Integer maxValueLen;

    @Option(names = "--max-tx-entries", paramLabel = "N", description = "Most entries per transaction.")
    Integer maxTxEntries;

    @Option(names = "--if-not-exists", description = "Succeed if the database already exists.")
    boolean ifNotExists;

    @Override
    protected int run(Connection c, Output out) {
        CreateDatabaseRequest request = CreateDatabaseRequest.newBuilder().setName(name)
                .setSettings(databaseSettings()).setIfNotExists(ifNotExists).build();
        CreateDatabaseResponse r = c.raw().call("CreateDatabaseV2", s -> s.createDatabaseV2(request));
        DatabaseNullableSettings got = r.getSettings();
        Fields f = Fields.of().put("database", r.getName()).put("created", !r.getAlreadyExisted());
        if (got.hasWriteTxHeaderVersion()) {
            f.put("headerVersion", got.getWriteTxHeaderVersion().getValue());
        }
        if (got.hasMaxKeyLen()) {
            f.put("maxKeyLen", got.getMaxKeyLen().getValue());
        }
        if (got.hasMaxValueLen()) {
            f.put("maxValueLen", got.getMaxValueLen().getValue());
        }
        if (got.hasMaxTxEntries()) {
            f.put("maxTxEntries", got.getMaxTxEntries().getValue());
        }
        out.record(f);
        return ExitCodes.OK;
    }

    DatabaseNullableSettings databaseSettings() {
        DatabaseNullableSettings.Builder b = DatabaseNullableSettings.newBuilder();
        if (headerVersion != null) {
            if (headerVersion != 0 && headerVersion != 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--header-version=" + headerVersion + ", want 0 or 1");
            }
            b.setWriteTxHeaderVersion(u32(headerVersion));
        }
        if (maxKeyLen != null) {
            b.setMaxKeyLen(u32(positive("--max-key-len", maxKeyLen)));
        }
        if (maxValueLen != null) {
            b.setMaxValueLen(u32(positive("--max-value-len", maxValueLen)));
        }
        if (maxTxEntries != null) {
            b.setMaxTxEntries(u32(positive("--max-tx-entries", maxTxEntries)));
        }
        return b.build();
    }

    private int positive(String flag, int v) {
        if (v < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), flag + "=" + v + ", want >= 1");
        }
        return v;
    }

    private static NullableUint32 u32(int v) {
        return NullableUint32.newBuilder().setValue(v).build();
    }
}
