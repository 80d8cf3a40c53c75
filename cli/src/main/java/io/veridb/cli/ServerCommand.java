package io.veridb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the owning issue lands: exits 2 and says so. */
@Command(name = "server", description = "Not built yet.")
final class ServerCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("veridb server: not built yet");
        return 2;
    }
}
