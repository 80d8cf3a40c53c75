package io.veridb.cli.client;

import io.veridb.cli.support.ConnectedCommand;
import io.veridb.cli.support.Connection;
import io.veridb.cli.support.ExitCodes;
import io.veridb.cli.support.Fields;
import io.veridb.cli.support.Output;
import io.veridb.proofs.TxHeader;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** Makes a key a reference to another key. */
@Command(name = "ref", aliases = "reference", mixinStandardHelpOptions = true,
        description = "Make REFKEY a reference to KEY (verified with --verified).")
public final class RefCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "REFKEY")
    String refKey;

    @Parameters(index = "1", paramLabel = "KEY")
    String key;

    @Option(names = "--at-tx", paramLabel = "TX", description = "Bind the reference to KEY's value at TX.")
    long atTx;

    @Option(names = "--verified", description = "Verify the write against the trusted state.")
    boolean verified;

    @Override
    protected int run(Connection c, Output out) {
        byte[] r = refKey.getBytes(StandardCharsets.UTF_8);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        TxHeader h = verified ? c.client().verifiedSetReference(r, k, atTx) : c.client().setReference(r, k, atTx);
        out.record(Fields.of().put("tx", h.id()).bytes("reference", r).bytes("key", k).put("atTx", atTx)
                .put("verified", verified));
        return ExitCodes.OK;
    }
}
