package io.veridb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the owning issue lands: exits 2 and says so. */
@Command(name = "client", description = "Not built yet.")
final class ClientCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("veridb client: not built yet");
        return 2;
    }
}
