package io.veridb.cli.client;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.proofs.TxHeader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Writes one key/value pair and verifies the new transaction against the trusted state (the entry is in the
 * transaction, and the transaction extends the trusted history); the trusted state then moves to it.
 */
@Command(name = "safeset", mixinStandardHelpOptions = true,
        description = "Set KEY to VALUE and verify the write against the trusted state.")
public final class SafeSetCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE")
    String value;

    @Override
    protected int run(Connection c, Output out) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        TxHeader h = c.client().verifiedSet(k, v);
        out.record(Fields.of().put("tx", h.id()).bytes("key", k).bytes("value", v).put("verified", true)
                .put("trustedTxId", c.client().trustedState().txId()));
        return ExitCodes.OK;
    }
}
