package io.veridb.cli.bench;

import io.veridb.bench.dcb.DcbBenchMain;
import picocli.CommandLine.Command;

/** {@code veridb bench dcb-load ...}: UmaDB's benchmark workloads over DCB, {@link DcbBenchMain}. */
@Command(name = "dcb-load",
        description = "Run DcbBenchMain (UmaDB's workloads over DCB gRPC); args passed as is.")
public final class DcbToolCommand extends ToolCommand {

    @Override
    void main(String[] args) throws Exception {
        DcbBenchMain.main(args);
    }

    @Override
    String usage() {
        return "HOST PORT SECONDS INITIAL_EVENTS OUT.tsv [WORKLOAD_FILTER]";
    }
}
