package io.veridb.server.immu.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.veridb.kv.KvErrorCode;
import io.veridb.kv.KvException;
import io.veridb.protocol.immudb.Chunk;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.HistoryRequest;
import io.veridb.protocol.immudb.InclusionProof;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.ScanRequest;
import io.veridb.protocol.immudb.TxHeader;
import io.veridb.protocol.immudb.VerifiableEntry;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableTx;
import io.veridb.protocol.immudb.ZAddRequest;
import io.veridb.protocol.immudb.ZScanRequest;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KvStreamsTest extends KvRpcsTestBase {

    private KvStreams streams;

    @BeforeEach
    void streams() {
        streams = new KvStreams(store, DB, StateSigner.NONE, ChunkFraming.MIN_CHUNK_SIZE);
    }

    @Test
    void streamGetSendsKeyThenValueEachStartingAChunk() {
        byte[] big = new byte[10_000];
        big[9_999] = 7;
        store.set(List.of(new io.veridb.kv.KvWrite(b("k"), big)), List.of());
        Recorder<Chunk> out = new Recorder<>();

        streams.streamGet(KeyRequest.newBuilder().setKey(bs("k")).build(), out);

        assertThat(out.completed).isTrue();
        assertThat(out.values.get(0).getContent().asReadOnlyByteBuffer().getLong()).isEqualTo(1);
        assertThat(out.values.get(1).getContent().asReadOnlyByteBuffer().getLong()).isEqualTo(10_000);
        assertThat(out.values).hasSize(4);
        List<byte[]> messages = ChunkFramingTest.decodeAll(out.values);
        assertThat(messages.get(0)).isEqualTo(b("k"));
        assertThat(messages.get(1)).isEqualTo(big);
    }

    @Test
    void streamGetOfAMissingKeyThrowsBeforeSendingAnything() {
        Recorder<Chunk> out = new Recorder<>();

        assertKvError(() -> streams.streamGet(KeyRequest.newBuilder().setKey(bs("nope")).build(), out),
                KvErrorCode.UNKNOWN, "tbtree: key not found");
        assertThat(out.values).isEmpty();
        assertThat(out.completed).isFalse();
    }

    @Test
    void streamScanAndHistorySendKeyValuePairs() {
        set("a", "1");
        set("b", "2");
        set("a", "3");
        Recorder<Chunk> scan = new Recorder<>();
        Recorder<Chunk> history = new Recorder<>();

        streams.streamScan(ScanRequest.newBuilder().build(), scan);
        streams.streamHistory(HistoryRequest.newBuilder().setKey(bs("a")).build(), history);

        assertThat(strings(ChunkFramingTest.decodeAll(scan.values))).containsExactly("a", "3", "b", "2");
        assertThat(strings(ChunkFramingTest.decodeAll(history.values))).containsExactly("a", "1", "a", "3");
    }

    @Test
    void streamZScanSendsSetKeyScoreAtTxAndValue() {
        set("k", "v");
        rpcs.zAdd(ZAddRequest.newBuilder().setSet(bs("s")).setScore(-1.25).setKey(bs("k")).setAtTx(1)
                .setBoundRef(true).build());
        Recorder<Chunk> out = new Recorder<>();

        streams.streamZScan(ZScanRequest.newBuilder().setSet(bs("s")).build(), out);

        List<byte[]> m = ChunkFramingTest.decodeAll(out.values);
        assertThat(m).hasSize(5);
        assertThat(new String(m.get(0), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("s");
        assertThat(new String(m.get(1), java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("k");
        assertThat(ByteBuffer.wrap(m.get(2)).getDouble()).isEqualTo(-1.25);
        assertThat(ByteBuffer.wrap(m.get(3)).getLong()).isEqualTo(1);
        assertThat(m.get(4)).isEqualTo(b("v"));
    }

    @Test
    void streamVerifiableGetSendsEntryWithoutValueProofsAndTheValueAndTheyVerify() throws Exception {
        set("k", "value");
        set("other", "x");
        Recorder<Chunk> out = new Recorder<>();

        streams.streamVerifiableGet(VerifiableGetRequest.newBuilder()
                .setKeyRequest(KeyRequest.newBuilder().setKey(bs("k"))).setProveSinceTx(2).build(), out);

        List<byte[]> m = ChunkFramingTest.decodeAll(out.values);
        assertThat(m).hasSize(4);
        Entry withoutValue = Entry.parseFrom(m.get(0));
        assertThat(withoutValue.getValue().isEmpty()).isTrue();
        assertThat(withoutValue.getTx()).isEqualTo(1);
        VerifiableEntry rebuilt = VerifiableEntry.newBuilder()
                .setEntry(withoutValue.toBuilder().setValue(ByteString.copyFrom(m.get(3))))
                .setVerifiableTx(VerifiableTx.parseFrom(m.get(1)))
                .setInclusionProof(InclusionProof.parseFrom(m.get(2)))
                .build();
        ClientCheck client = new ClientCheck();
        client.verifiedTxById(rpcs.verifiableTxById(
                io.veridb.protocol.immudb.VerifiableTxRequest.newBuilder().setTx(2).build()), 2);
        client.verifiedGet(rebuilt, b("k"));
        assertThat(client.txId()).isEqualTo(2);
    }

    @Test
    void streamSetDecodesPairsPackedIntoOneChunkAsImmudbPySends() {
        Recorder<TxHeader> reply = new Recorder<>();
        var in = streams.streamSet(reply);

        in.onNext(chunk(frames(b("k1"), b("v1"), b("k2"))));
        in.onNext(chunk(frames(b("v2"))));
        in.onCompleted();

        assertThat(reply.error).isNull();
        assertThat(reply.values).singleElement().satisfies(h -> assertThat(h.getNentries()).isEqualTo(2));
        assertThat(rpcs.get(KeyRequest.newBuilder().setKey(bs("k2")).build()).getValue().toStringUtf8())
                .isEqualTo("v2");
    }

    @Test
    void streamSetWithAKeyButNoValueFailsThroughOnError() {
        Recorder<TxHeader> reply = new Recorder<>();
        var in = streams.streamSet(reply);

        in.onNext(chunk(frames(b("k1"))));
        in.onCompleted();

        assertThat(reply.values).isEmpty();
        assertThat(reply.error).isInstanceOfSatisfying(KvException.class,
                e -> assertThat(e.code()).isEqualTo(KvErrorCode.INVALID_ARGUMENT))
                .hasMessageStartingWith("illegal arguments");
    }

    @Test
    void streamVerifiableSetReadsProveSinceTxFirstAndReturnsAVerifiableReply() {
        ClientCheck client = new ClientCheck();
        Recorder<VerifiableTx> first = new Recorder<>();
        var in1 = streams.streamVerifiableSet(first);
        in1.onNext(chunk(frames(ByteBuffer.allocate(8).putLong(0).array(), b("a"), b("1"))));
        in1.onCompleted();
        client.verifiedSet(first.values.get(0), b("a"), b("1"));

        Recorder<VerifiableTx> second = new Recorder<>();
        var in2 = streams.streamVerifiableSet(second);
        in2.onNext(chunk(frames(ByteBuffer.allocate(8).putLong(client.txId()).array())));
        in2.onNext(chunk(frames(b("b"), b("2"))));
        in2.onCompleted();

        client.verifiedSet(second.values.get(0), b("b"), b("2"));
        assertThat(client.txId()).isEqualTo(2);
    }

    @Test
    void streamExecAllReadsTypedOperations() {
        set("k", "v");
        Recorder<TxHeader> reply = new Recorder<>();
        var in = streams.streamExecAll(reply);

        in.onNext(chunk(frames(new byte[] {1}, b("x"))));
        in.onNext(chunk(frames(b("y"), new byte[] {2},
                ZAddRequest.newBuilder().setSet(bs("s")).setScore(5).setKey(bs("x")).build().toByteArray())));
        in.onCompleted();

        assertThat(reply.error).isNull();
        assertThat(reply.values.get(0).getNentries()).isEqualTo(2);
        assertThat(store.zScan(io.veridb.kv.ZScanQuery.of(b("s")))).hasSize(1);
    }

    @Test
    void streamExecAllRejectsReferenceOperations() {
        Recorder<TxHeader> reply = new Recorder<>();
        var in = streams.streamExecAll(reply);

        in.onNext(chunk(frames(new byte[] {3}, b("x"))));
        in.onCompleted();

        assertThat(reply.error).hasMessageStartingWith("illegal arguments").hasMessageContaining("op type 3");
    }

    private static Chunk chunk(byte[] content) {
        return Chunk.newBuilder().setContent(ByteString.copyFrom(content)).build();
    }

    private static byte[] frames(byte[]... messages) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] m : messages) {
            out.writeBytes(ChunkFramingTest.frame(m));
        }
        return out.toByteArray();
    }

    private static List<String> strings(List<byte[]> messages) {
        List<String> out = new ArrayList<>();
        messages.forEach(m -> out.add(new String(m, java.nio.charset.StandardCharsets.UTF_8)));
        return out;
    }
}
