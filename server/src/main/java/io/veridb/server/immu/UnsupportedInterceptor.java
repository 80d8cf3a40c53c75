package io.veridb.server.immu;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;

/** Answers the RPCs VeriDB does not implement (SQL, replication, truncation) with a clear UNIMPLEMENTED. */
final class UnsupportedInterceptor implements ServerInterceptor {
    @Override
    public <Q, R> ServerCall.Listener<Q> interceptCall(
            ServerCall<Q, R> call, Metadata headers, ServerCallHandler<Q, R> next) {
        String method = call.getMethodDescriptor().getBareMethodName();
        if (!Unsupported.METHODS.contains(method)) {
            return next.startCall(call, headers);
        }
        call.close(Unsupported.error(method).getStatus(), new Metadata());
        return new ServerCall.Listener<>() {};
    }
}
