package io.veridb.server;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import io.veridb.protocol.immudb.Chunk;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceStub;
import io.veridb.protocol.immudb.TxHeader;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Client side of immudb's chunked streams, for tests: each message is {@code u64 length ‖ payload}. */
public final class Chunks {
    private Chunks() {}

    public static Chunk message(byte[] payload) {
        ByteBuffer b = ByteBuffer.allocate(8 + payload.length).putLong(payload.length).put(payload);
        return Chunk.newBuilder().setContent(ByteString.copyFrom(b.array())).build();
    }

    /** streamSet of one key/value pair; returns the header or throws the call's error. */
    public static TxHeader streamSet(ImmuServiceStub stub, String key, String value)
            throws InterruptedException, TimeoutException {
        CompletableFuture<TxHeader> result = new CompletableFuture<>();
        StreamObserver<Chunk> req = stub.streamSet(new StreamObserver<>() {
            @Override
            public void onNext(TxHeader h) {
                result.complete(h);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {}
        });
        req.onNext(message(key.getBytes(StandardCharsets.UTF_8)));
        req.onNext(message(value.getBytes(StandardCharsets.UTF_8)));
        req.onCompleted();
        try {
            return result.get(30, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
