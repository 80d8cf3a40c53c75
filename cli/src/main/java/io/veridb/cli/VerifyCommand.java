package io.veridb.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Placeholder until the owning issue lands: exits 2 and says so. */
@Command(name = "verify", description = "Not built yet.")
final class VerifyCommand implements Callable<Integer> {
    @Override
    public Integer call() {
        System.err.println("veridb verify: not built yet");
        return 2;
    }
}
