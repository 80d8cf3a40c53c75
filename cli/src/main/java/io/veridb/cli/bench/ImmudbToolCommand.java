package io.veridb.cli.bench;

import io.veridb.bench.immudb.ImmudbLoad;
import picocli.CommandLine.Command;

/** {@code veridb bench immudb-load ...}: the side-by-side immudb-protocol load generator, {@link ImmudbLoad}. */
@Command(name = "immudb-load",
        description = "Run ImmudbLoad (side by side against VeriDB and immudb); args passed as is.")
public final class ImmudbToolCommand extends ToolCommand {

    @Override
    void main(String[] args) throws Exception {
        ImmudbLoad.main(args);
    }

    @Override
    String usage() {
        return "--target NAME=HOST:PORT [--target ...] [--seconds 10] [--warmup 3] [--workloads set:1,vset:1,...] "
                + "[--out results.md]";
    }
}
