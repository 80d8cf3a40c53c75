package io.veridb.server.immu;

import io.grpc.stub.StreamObserver;

/** Runs a unary handler body and completes the call with its result or with {@link ErrorMapper}'s status. */
final class Calls {
    /** A handler body; may throw any domain error. */
    @FunctionalInterface
    interface Body<T> {
        T run() throws Exception;
    }

    private Calls() {}

    static <T> void unary(StreamObserver<T> out, Body<T> body) {
        T result;
        try {
            result = body.run();
        } catch (Exception e) {
            out.onError(ErrorMapper.toStatus(e, false).asRuntimeException());
            return;
        }
        out.onNext(result);
        out.onCompleted();
    }
}
