package io.veridb.cli.client;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Output;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** Shows one transaction: header and raw entries (unverified). */
@Command(name = "tx", mixinStandardHelpOptions = true, description = "Show transaction TX (unverified).")
public final class TxCommand extends ConnectedCommand {

    @Parameters(paramLabel = "TX")
    long txId;

    @Override
    protected int run(Connection c, Output out) {
        out.record(Render.tx(c.client().txById(txId)).put("verified", false));
        return ExitCodes.OK;
    }
}
