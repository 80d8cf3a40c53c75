package io.veridb.cli.client;

import picocli.CommandLine.Option;

/** Which version of a key to read: the latest (default), at a transaction, at a revision, or after a transaction. */
final class ReadPoint {

    @Option(names = "--at-tx", paramLabel = "TX", description = "The value written in transaction TX.")
    long atTx;

    @Option(names = "--at-revision", paramLabel = "N",
            description = "Revision N (1 = first; -1 = the one before the latest).")
    long atRevision;

    @Option(names = "--since-tx", paramLabel = "TX", description = "Wait until the index covers TX.")
    long sinceTx;
}
