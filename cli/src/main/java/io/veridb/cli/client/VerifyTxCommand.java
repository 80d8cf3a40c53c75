package io.veridb.cli.client;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Output;
import io.veridb.client.TxRecord;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/**
 * Shows one transaction after verifying it: its entries rebuild its eH, and it and the trusted state are on one
 * history (dual proof). The trusted state moves forward when the transaction is newer.
 */
@Command(name = "verify-tx", aliases = "safetx", mixinStandardHelpOptions = true,
        description = "Show transaction TX after verifying it against the trusted state.")
public final class VerifyTxCommand extends ConnectedCommand {

    @Parameters(paramLabel = "TX")
    long txId;

    @Override
    protected int run(Connection c, Output out) {
        TxRecord tx = c.client().verifiedTxById(txId);
        out.record(Render.tx(tx).put("verified", true).put("trustedTxId", c.client().trustedState().txId()));
        return ExitCodes.OK;
    }
}
