package io.veridb.cli.admin;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.client.CreatedDatabase;
import io.veridb.client.DatabaseSettings;
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
        CreatedDatabase r = c.client().admin().createDatabase(name, databaseSettings());
        DatabaseSettings got = r.settings();
        Fields f = Fields.of().put("database", r.name()).put("created", !r.alreadyExisted());
        got.headerVersion().ifPresent(v -> f.put("headerVersion", v));
        got.maxKeyLen().ifPresent(v -> f.put("maxKeyLen", v));
        got.maxValueLen().ifPresent(v -> f.put("maxValueLen", v));
        got.maxTxEntries().ifPresent(v -> f.put("maxTxEntries", v));
        out.record(f);
        return ExitCodes.OK;
    }

    DatabaseSettings databaseSettings() {
        DatabaseSettings s = DatabaseSettings.DEFAULTS.withIfNotExists(ifNotExists);
        if (headerVersion != null) {
            if (headerVersion != 0 && headerVersion != 1) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                        "--header-version=" + headerVersion + ", want 0 or 1");
            }
            s = s.withHeaderVersion(headerVersion);
        }
        if (maxKeyLen != null) {
            s = s.withMaxKeyLen(positive("--max-key-len", maxKeyLen));
        }
        if (maxValueLen != null) {
            s = s.withMaxValueLen(positive("--max-value-len", maxValueLen));
        }
        if (maxTxEntries != null) {
            s = s.withMaxTxEntries(positive("--max-tx-entries", maxTxEntries));
        }
        return s;
    }

    private int positive(String flag, int v) {
        if (v < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), flag + "=" + v + ", want >= 1");
        }
        return v;
    }
}
