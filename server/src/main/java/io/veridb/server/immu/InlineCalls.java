package io.veridb.server.immu;

import io.grpc.MethodDescriptor;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The immudb RPCs that run on the Netty event loop that read them instead of on the blocking pool (see
 * {@code io.veridb.server.CallExecutors}): calls whose handler never blocks, so a pool hand-off would cost more
 * than the work. A handler listed here must not wait on a lock, a future or the disk beyond page-cache reads.
 *
 * <p>Get and VerifiableGet answer at once (VerifiableGet's transaction and proofs come from the kv layer's caches
 * of immutable data when hot, else from a few page-cache reads). The unary writes validate and submit their
 * transaction here and reply when its commit future completes ({@link DataCalls#unaryAsync}): nothing waits for
 * the group commit, and the reply is built back on this event loop, not on the ledger's writer thread.
 */
public final class InlineCalls {

    /** Full gRPC method names. */
    public static final Set<String> METHODS = Stream.of(
                    ImmuServiceGrpc.getGetMethod(),
                    ImmuServiceGrpc.getVerifiableGetMethod(),
                    ImmuServiceGrpc.getSetMethod(),
                    ImmuServiceGrpc.getVerifiableSetMethod(),
                    ImmuServiceGrpc.getSetReferenceMethod(),
                    ImmuServiceGrpc.getVerifiableSetReferenceMethod(),
                    ImmuServiceGrpc.getZAddMethod(),
                    ImmuServiceGrpc.getVerifiableZAddMethod(),
                    ImmuServiceGrpc.getDeleteMethod(),
                    ImmuServiceGrpc.getExecAllMethod())
            .map(MethodDescriptor::getFullMethodName)
            .collect(Collectors.toUnmodifiableSet());

    private InlineCalls() {}
}
