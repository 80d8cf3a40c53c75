package io.veridb.server.immu.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.veridb.kv.KvErrorCode;
import io.veridb.kv.KvException;
import io.veridb.protocol.immudb.Chunk;
import java.util.List;
import org.junit.jupiter.api.Test;

class MessageReceiverTest {

    @Test
    void handsAllMessagesToFinishAndRepliesOnce() {
        Recorder<Integer> reply = new Recorder<>();
        MessageReceiver<Integer> in = new MessageReceiver<>(reply, List::size);

        in.onNext(chunk(ChunkFramingTest.frame(new byte[] {1})));
        in.onNext(chunk(ChunkFramingTest.frame(new byte[0])));
        in.onCompleted();

        assertThat(reply.values).containsExactly(2);
        assertThat(reply.completed).isTrue();
    }

    @Test
    void streamLargerThanTheCapFailsOnceAndIgnoresTheRest() {
        Recorder<Integer> reply = new Recorder<>();
        MessageReceiver<Integer> in = new MessageReceiver<>(reply, List::size, 16);

        in.onNext(chunk(new byte[10]));
        in.onNext(chunk(new byte[10]));
        in.onNext(chunk(new byte[10]));
        in.onCompleted();

        assertThat(reply.values).isEmpty();
        assertThat(reply.error).isInstanceOfSatisfying(KvException.class,
                e -> assertThat(e.code()).isEqualTo(KvErrorCode.INVALID_ARGUMENT))
                .hasMessageContaining("more than 16 bytes").hasMessageContaining("received 20");
    }

    @Test
    void streamEndingInsideAMessageIsIllegalArguments() {
        Recorder<Integer> reply = new Recorder<>();
        MessageReceiver<Integer> in = new MessageReceiver<>(reply, List::size);

        in.onNext(chunk(new byte[] {0, 0, 0, 0, 0, 0, 0, 5, 1}));
        in.onCompleted();

        assertThat(reply.error).hasMessage("illegal arguments: stream ended inside a message");
    }

    @Test
    void failureInFinishIsDeliveredUnchanged() {
        Recorder<Integer> reply = new Recorder<>();
        KvException boom = new KvException(KvErrorCode.UNKNOWN, "tbtree: key not found");
        MessageReceiver<Integer> in = new MessageReceiver<>(reply, m -> {
            throw boom;
        });

        in.onCompleted();

        assertThat(reply.error).isSameAs(boom);
    }

    private static Chunk chunk(byte[] content) {
        return Chunk.newBuilder().setContent(ByteString.copyFrom(content)).build();
    }
}
