package io.veridb.cli.client;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.client.ScanOptions;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Lists keys and their latest values in key order (unverified). */
@Command(name = "scan", mixinStandardHelpOptions = true,
        description = "List keys with PREFIX and their latest values, in key order (unverified).")
public final class ScanCommand extends ConnectedCommand {

    @Parameters(paramLabel = "PREFIX", arity = "0..1", description = "Key prefix (default: all keys).")
    String prefix = "";

    @Option(names = "--seek", paramLabel = "KEY", description = "Start after KEY (inclusive with --inclusive).")
    String seek;

    @Option(names = "--inclusive", description = "Include the --seek and --end keys themselves.")
    boolean inclusive;

    @Option(names = "--end", paramLabel = "KEY", description = "Stop at KEY.")
    String end;

    @Option(names = "--limit", description = "Entries to list, 0 = all (default 100).")
    long limit = 100;

    @Option(names = "--desc", description = "Descending key order.")
    boolean desc;

    @Override
    protected int run(Connection c, Output out) {
        ScanOptions o = ScanOptions.prefix(utf8(prefix)).withDesc(desc).withLimit(limit);
        if (seek != null) {
            o = o.withSeek(utf8(seek), inclusive);
        }
        if (end != null) {
            o = o.withEnd(utf8(end), inclusive);
        }
        List<Fields> items = new ArrayList<>();
        c.client().scan(o).forEachRemaining(e -> items.add(Render.entry(e)));
        out.list("entries", items, "no keys");
        return ExitCodes.OK;
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
