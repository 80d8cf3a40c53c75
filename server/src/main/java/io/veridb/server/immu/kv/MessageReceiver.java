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

    /**
     * Most payload bytes one client stream may carry: immudb's 32 MiB of values per streamed transaction plus
     * room for keys and framing of up to 1024 entries.
     */
    static final long MAX_STREAM_BYTES = ChunkFraming.DEFAULT_MAX_MESSAGE_LENGTH + (2L << 20);

    private final ChunkFraming.Decoder decoder = new ChunkFraming.Decoder();
    private final List<byte[]> messages = new ArrayList<>();
    private final StreamObserver<R> reply;
    private final Function<List<byte[]>, R> finish;
    private final long maxStreamBytes;
    private long received;
    private boolean failed;

    MessageReceiver(StreamObserver<R> reply, Function<List<byte[]>, R> finish) {
        this(reply, finish, MAX_STREAM_BYTES);
    }

    MessageReceiver(StreamObserver<R> reply, Function<List<byte[]>, R> finish, long maxStreamBytes) {
        this.reply = reply;
        this.finish = finish;
        this.maxStreamBytes = maxStreamBytes;
    }

    @Override
    public void onNext(Chunk chunk) {
        if (failed) {
            return;
        }
        try {
            received += chunk.getContent().size();
            if (received > maxStreamBytes) {
                throw new KvException(KvErrorCode.INVALID_ARGUMENT, KvErrors.ILLEGAL_ARGUMENTS
                        + ": stream carries more than " + maxStreamBytes + " bytes (received " + received + ")");
            }
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
