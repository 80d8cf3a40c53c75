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

/** Adds a key to a sorted set with a score. */
@Command(name = "zadd", mixinStandardHelpOptions = true,
        description = "Add KEY with SCORE to sorted set SET (verified with --verified).")
public final class ZAddCommand extends ConnectedCommand {

    @Parameters(index = "0", paramLabel = "SET")
    String set;

    @Parameters(index = "1", paramLabel = "SCORE")
    double score;

    @Parameters(index = "2", paramLabel = "KEY")
    String key;

    @Option(names = "--at-tx", paramLabel = "TX", description = "Bind the member to the key's value at TX.")
    long atTx;

    @Option(names = "--verified", description = "Verify the write against the trusted state.")
    boolean verified;

    @Override
    protected int run(Connection c, Output out) {
        byte[] s = set.getBytes(StandardCharsets.UTF_8);
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        TxHeader h = verified ? c.client().verifiedZAdd(s, score, k, atTx) : c.client().zAdd(s, score, k, atTx);
        out.record(Fields.of().put("tx", h.id()).bytes("set", s).put("score", score).bytes("key", k)
                .put("atTx", atTx).put("verified", verified));
        return ExitCodes.OK;
    }
}
