package io.veridb.cli.client;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Output;
import io.veridb.client.KvEntry;
import io.veridb.client.VeriClient;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Reads one key without verification. */
@Command(name = "get", mixinStandardHelpOptions = true, description = "Get the value of KEY (unverified).")
public final class GetCommand extends ConnectedCommand {

    @Parameters(paramLabel = "KEY")
    String key;

    @ArgGroup(exclusive = true)
    ReadPoint at = new ReadPoint();

    @Override
    protected int run(Connection c, Output out) {
        VeriClient client = c.client();
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        KvEntry e = at.atTx > 0 ? client.getAtTx(k, at.atTx)
                : at.atRevision != 0 ? client.getAtRevision(k, at.atRevision)
                : at.sinceTx > 0 ? client.getSinceTx(k, at.sinceTx)
                : client.get(k);
        out.record(Render.entry(e).put("verified", false));
        return ExitCodes.OK;
    }
}
