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

/** Writes one key/value pair in a new transaction, without verification. */
@Command(name = "set", mixinStandardHelpOptions = true, description = "Set KEY to VALUE (unverified).")
public final class SetCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "KEY")
    String key;

    @Parameters(index = "1", paramLabel = "VALUE")
    String value;

    @Override
    protected int run(Connection c, Output out) {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        byte[] v = value.getBytes(StandardCharsets.UTF_8);
        TxHeader h = c.client().set(k, v);
        out.record(Fields.of().put("tx", h.id()).bytes("key", k).bytes("value", v)
                .put("verified", false));
        return ExitCodes.OK;
    }
}
