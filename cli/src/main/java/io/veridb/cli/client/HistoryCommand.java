package io.veridb.cli.client;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.client.HistoryOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lists the versions of one key (unverified). */
@Command(name = "history", mixinStandardHelpOptions = true, description = "List the versions of KEY (unverified).")
public final class HistoryCommand extends ConnectedCommand {

    @Parameters(paramLabel = "KEY")
    String key;

    @Option(names = "--offset", description = "Versions to skip (default 0).")
    long offset;

    @Option(names = "--limit", description = "Versions to list, 0 = all (default 100).")
    long limit = 100;

    @Option(names = "--desc", description = "Newest first.")
    boolean desc;

    @Override
    protected int run(Connection c, Output out) {
        List<Fields> items = new ArrayList<>();
        c.client().history(key.getBytes(StandardCharsets.UTF_8),
                HistoryOptions.all().withOffset(offset).withLimit(limit).withDesc(desc))
                .forEachRemaining(e -> items.add(Render.entry(e)));
        out.list("entries", items, "no versions");
        return ExitCodes.OK;
    }
}
