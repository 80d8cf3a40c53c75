package io.veridb.server.immu.kv;

import io.grpc.stub.StreamObserver;
import io.veridb.protocol.immudb.Chunk;
import java.util.List;

/** Sends framed messages to a server-streaming reply, each message starting a new chunk. */
final class ChunkSender {

    private final StreamObserver<Chunk> out;
    private final int chunkSize;

    ChunkSender(StreamObserver<Chunk> out, int chunkSize) {
        this.out = out;
        this.chunkSize = chunkSize;
    }

    void send(byte[] message) {
        for (Chunk c : ChunkFraming.encode(message, chunkSize)) {
            out.onNext(c);
        }
    }

    void sendAll(List<byte[]> messages) {
        messages.forEach(this::send);
    }

    void complete() {
        out.onCompleted();
    }
}
