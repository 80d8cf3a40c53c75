package io.veridb.server.immu;

import io.veridb.protocol.immudb.ImmuServiceGrpc;
import java.util.Set;

/**
 * The immudb RPCs that run on the Netty event loop that read them instead of on the blocking pool (see
 * {@code io.veridb.server.CallExecutors}): calls whose handler never blocks, so a pool hand-off would cost more
 * than the work. A handler listed here must not wait on a lock, a future or the disk beyond page-cache reads.
 */
public final class InlineCalls {

    /** Full gRPC method names. */
    public static final Set<String> METHODS = Set.of(ImmuServiceGrpc.getGetMethod().getFullMethodName());

    private InlineCalls() {}
}
