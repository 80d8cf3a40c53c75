package io.veridb.server.immu.kv;

import io.grpc.stub.StreamObserver;
import java.util.ArrayList;
import java.util.List;

/** Records what a server sends on one call. */
final class Recorder<T> implements StreamObserver<T> {

    final List<T> values = new ArrayList<>();
    Throwable error;
    boolean completed;

    @Override
    public void onNext(T value) {
        values.add(value);
    }

    @Override
    public void onError(Throwable t) {
        error = t;
    }

    @Override
    public void onCompleted() {
        completed = true;
    }
}
