package io.veridb.cli.client;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.client.ZScanOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalDouble;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lists the members of a sorted set in score order (unverified). */
@Command(name = "zscan", mixinStandardHelpOptions = true,
        description = "List the members of sorted set SET in score order (unverified).")
public final class ZScanCommand extends ConnectedCommand {

    @Parameters(paramLabel = "SET")
    String set;

    @Option(names = "--min", paramLabel = "SCORE", description = "Lowest score.")
    Double min;

    @Option(names = "--max", paramLabel = "SCORE", description = "Highest score.")
    Double max;

    @Option(names = "--limit", description = "Members to list, 0 = all (default 100).")
    long limit = 100;

    @Option(names = "--desc", description = "Highest score first.")
    boolean desc;

    @Override
    protected int run(Connection c, Output out) {
        ZScanOptions o = ZScanOptions.of(set.getBytes(StandardCharsets.UTF_8))
                .withScoreRange(min == null ? OptionalDouble.empty() : OptionalDouble.of(min),
                        max == null ? OptionalDouble.empty() : OptionalDouble.of(max))
                .withDesc(desc).withLimit(limit);
        List<Fields> items = new ArrayList<>();
        c.client().zScan(o).forEachRemaining(z -> items.add(Render.zEntry(z)));
        out.list("members", items, "no members");
        return ExitCodes.OK;
    }
}
