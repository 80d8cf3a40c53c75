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

/** Logically deletes a key (its history stays). */
@Command(name = "delete", mixinStandardHelpOptions = true, description = "Delete KEY (its history is kept).")
public final class DeleteCommand extends ConnectedCommand {

    @Parameters(paramLabel = "KEY")
    String key;

    @Override
    protected int run(Connection c, Output out) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        TxHeader h = c.client().delete(k);
        out.record(Fields.of().put("tx", h.id()).bytes("key", k).put("deleted", true));
        return ExitCodes.OK;
    }
}
