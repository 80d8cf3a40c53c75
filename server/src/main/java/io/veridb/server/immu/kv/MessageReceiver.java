package io.veridb.server.immu.kv;

import io.grpc.stub.StreamObserver;
import io.veridb.kv.KvErrorCode;
import io.veridb.kv.KvErrors;
import io.veridb.kv.KvException;
import io.veridb.protocol.immudb.Chunk;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The request side of a client-streaming RPC: decodes the chunk stream into messages and, when the client
 * completes, hands them all to {@code finish} and sends its single reply. Any failure (a {@link KvException} or
 * otherwise) is passed to {@code reply.onError} unchanged, for the server core's error mapping. Not thread-safe;
 * gRPC calls it serially.
 */
final class MessageReceiver<R> implements StreamObserver<Chunk> {

    private static final Logger LOG = LoggerFactory.getLogger(MessageReceiver.class);

    private final ChunkFraming.Decoder decoder = new ChunkFraming.Decoder();
    private final List<byte[]> messages = new ArrayList<>();
    private final StreamObserver<R> reply;
    private final Function<List<byte[]>, R> finish;
    private boolean failed;

    MessageReceiver(StreamObserver<R> reply, Function<List<byte[]>, R> finish) {
        this.reply = reply;
        this.finish = finish;
    }

    @Override
    public void onNext(Chunk chunk) {
        if (failed) {
            return;
        }
        try {
            decoder.feed(chunk.getContent());
            for (Optional<byte[]> m = decoder.poll(); m.isPresent(); m = decoder.poll()) {
                messages.add(m.get());
            }
        } catch (RuntimeException e) {
            fail(e);
        }
    }

    @Override
    public void onError(Throwable t) {
        failed = true;
        LOG.debug("client stream cancelled: {}", t.toString());
    }

    @Override
    public void onCompleted() {
        if (failed) {
            return;
        }
        if (!decoder.atBoundary()) {
            fail(new KvException(KvErrorCode.INVALID_ARGUMENT,
                    KvErrors.ILLEGAL_ARGUMENTS + ": stream ended inside a message"));
            return;
        }
        R result;
        try {
            result = finish.apply(messages);
        } catch (RuntimeException e) {
            fail(e);
            return;
        }
        reply.onNext(result);
        reply.onCompleted();
    }

    private void fail(RuntimeException e) {
        failed = true;
        reply.onError(e);
    }
}
