package io.veridb.bench.load;

import io.veridb.client.VeriClient;

/** Opens the session of one load client (each client gets its own, with its own trusted state). */
@FunctionalInterface
public interface ClientFactory {

    /** Opens client number {@code index} (0-based). */
    VeriClient open(int index);
}
