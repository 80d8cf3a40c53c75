package io.veridb.cli.admin;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.client.DatabaseInfo;
import java.time.Instant;
import java.util.List;
import picocli.CommandLine.Command;

/** Lists the databases the caller may see. */
@Command(name = "list", mixinStandardHelpOptions = true, description = "List databases.")
public final class DatabaseListCommand extends ConnectedCommand {

    @Override
    protected int run(Connection c, Output out) {
        List<Fields> dbs = c.client().admin().listDatabases().stream().map(DatabaseListCommand::database).toList();
        out.list("databases", dbs, "no databases");
        return ExitCodes.OK;
    }

    private static Fields database(DatabaseInfo d) {
        Fields f = Fields.of().put("database", d.name()).put("loaded", d.loaded())
                .put("transactions", d.numTransactions()).put("diskBytes", d.diskSize());
        if (d.createdAt() > 0) {
            f.put("createdAt", Instant.ofEpochSecond(d.createdAt()).toString());
        }
        if (!d.createdBy().isEmpty()) {
            f.put("createdBy", d.createdBy());
        }
        return f;
    }
}
