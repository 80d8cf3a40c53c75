package io.veridb.cli.bench;

import io.veridb.bench.ledger.LedgerBench;
import picocli.CommandLine.Command;

/** {@code veridb bench ledger-load ...}: the in-process ledger benchmarks ({@link LedgerBench}); ends the JVM. */
@Command(name = "ledger-load",
        description = "Run LedgerBench (in-process ledger, no server); args passed as is.")
public final class LedgerToolCommand extends ToolCommand {

    @Override
    void main(String[] args) throws Exception {
        LedgerBench.main(args);
    }

    @Override
    String usage() {
        return "commit|bulk|build|proofs|open|disk DIR [args]";
    }
}
