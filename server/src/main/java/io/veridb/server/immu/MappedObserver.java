package io.veridb.server.immu;

import io.grpc.stub.StreamObserver;

/**
 * Passes a stream through, turning errors into {@link ErrorMapper}'s statuses (stream wording) and recording the
 * end of the request in {@link Activity}.
 */
final class MappedObserver<T> implements StreamObserver<T> {
    private final StreamObserver<T> delegate;
    private final Runnable onEnd;

    MappedObserver(StreamObserver<T> delegate, Runnable onEnd) {
        this.delegate = delegate;
        this.onEnd = onEnd;
    }

    @Override
    public void onNext(T value) {
        delegate.onNext(value);
    }

    @Override
    public void onError(Throwable t) {
        onEnd.run();
        delegate.onError(ErrorMapper.toStatus(t, true).asRuntimeException());
    }

    @Override
    public void onCompleted() {
        onEnd.run();
        delegate.onCompleted();
    }
}
