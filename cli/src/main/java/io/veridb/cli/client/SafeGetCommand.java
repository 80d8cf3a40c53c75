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

/**
 * Reads one key and verifies it: the entry is included in its transaction, and that transaction and the trusted
 * state are on one history (dual proof). The trusted state moves forward when the server's is newer.
 */
@Command(name = "safeget", mixinStandardHelpOptions = true,
        description = "Get the value of KEY and verify it against the trusted state.")
public final class SafeGetCommand extends ConnectedCommand {

    @Parameters(paramLabel = "KEY")
    String key;

    @ArgGroup(exclusive = true)
    ReadPoint at = new ReadPoint();

    @Override
    protected int run(Connection c, Output out) {
        VeriClient client = c.client();
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        KvEntry e = at.atTx > 0 ? client.verifiedGetAtTx(k, at.atTx)
                : at.atRevision != 0 ? client.verifiedGetAtRevision(k, at.atRevision)
                : at.sinceTx > 0 ? client.verifiedGetSinceTx(k, at.sinceTx)
                : client.verifiedGet(k);
        out.record(Render.entry(e).put("verified", true).put("trustedTxId", client.trustedState().txId()));
        return ExitCodes.OK;
    }
}
