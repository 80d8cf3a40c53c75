package io.veridb.server.dcb;

import java.util.Set;

/**
 * The DCB RPCs that run on the Netty event loop that read them instead of on the blocking pool (see
 * {@code io.veridb.server.CallExecutors}): calls whose handler never blocks. A handler listed here must not wait
 * on a lock, a future or the disk beyond page-cache reads.
 */
public final class DcbInlineCalls {

    /**
     * Full gRPC method names. Append only encodes the request and queues it for the ledger's writer thread
     * (an unbounded queue: no wait), and replies from the event loop once the commit is durable
     * ({@link io.veridb.server.grpc.EventLoops}); Head reads a volatile field.
     */
    public static final Set<String> METHODS = Set.of(
            DcbServiceDefinitions.V1 + "/Append",
            DcbServiceDefinitions.V1 + "/Head",
            DcbServiceDefinitions.LEGACY + "/Append",
            DcbServiceDefinitions.LEGACY + "/Head");

    private DcbInlineCalls() {}
}
