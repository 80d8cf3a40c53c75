package io.veridb.server.immu.kv;

import io.grpc.stub.StreamObserver;
import io.veridb.kv.KvEntry;
import io.veridb.kv.KvStore;
import io.veridb.kv.VerifiableEntry;
import io.veridb.kv.ZEntry;
import io.veridb.protocol.immudb.Chunk;
import io.veridb.protocol.immudb.HistoryRequest;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.ScanRequest;
import io.veridb.protocol.immudb.TxHeader;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableTx;
import io.veridb.protocol.immudb.ZScanRequest;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * The streaming immudb data RPCs of one database with immudb's chunk framing (protocol spec §2.4):
 * {@code new KvStreams(store, db, signer).streamGet(request, responseObserver)}.
 *
 * <p>Server-streaming methods compute the whole reply first and throw {@link io.veridb.kv.KvException} before
 * sending anything, so the caller maps domain errors exactly as for unary RPCs. Client-streaming methods return
 * the request observer; a failure there (decoding or domain) is delivered as {@code responseObserver.onError(e)}
 * with the original exception, which the server core's error mapping must translate (wrap the response
 * observer). Thread-safe to construct per call.
 */
public final class KvStreams {

    private final KvStore store;
    private final KvRpcs rpcs;
    private final int chunkSize;

    public KvStreams(KvStore store, String db, StateSigner signer) {
        this(store, db, signer, ChunkFraming.DEFAULT_CHUNK_SIZE);
    }

    /** As above, with an explicit chunk size (≥ {@link ChunkFraming#MIN_CHUNK_SIZE}). */
    public KvStreams(KvStore store, String db, StateSigner signer, int chunkSize) {
        this.store = Objects.requireNonNull(store, "store");
        this.rpcs = new KvRpcs(store, db, signer);
        if (chunkSize < ChunkFraming.MIN_CHUNK_SIZE) {
            throw new IllegalArgumentException("chunkSize=" + chunkSize + ", want >= " + ChunkFraming.MIN_CHUNK_SIZE);
        }
        this.chunkSize = chunkSize;
    }

    /** [key, value] of one entry. */
    public void streamGet(KeyRequest request, StreamObserver<Chunk> out) {
        KvEntry e = store.get(FromProto.get(request));
        send(out, List.of(e.key(), e.value()));
    }

    /** [key, value] per entry. */
    public void streamScan(ScanRequest request, StreamObserver<Chunk> out) {
        send(out, keyValues(store.scan(FromProto.scan(request))));
    }

    /** [key, value] per version. */
    public void streamHistory(HistoryRequest request, StreamObserver<Chunk> out) {
        send(out, keyValues(store.history(FromProto.history(request))));
    }

    /** [set, key, score (float64 bits), atTx (u64), value] per member. */
    public void streamZScan(ZScanRequest request, StreamObserver<Chunk> out) {
        List<byte[]> messages = new ArrayList<>();
        for (ZEntry z : store.zScan(FromProto.zScan(request))) {
            messages.add(z.set());
            messages.add(z.key());
            messages.add(ByteBuffer.allocate(Long.BYTES).putDouble(z.score()).array());
            messages.add(ByteBuffer.allocate(Long.BYTES).putLong(z.atTx()).array());
            messages.add(z.entry().map(KvEntry::value).orElse(new byte[0]));
        }
        send(out, messages);
    }

    /** [Entry without value, VerifiableTx, InclusionProof, value]. */
    public void streamVerifiableGet(VerifiableGetRequest request, StreamObserver<Chunk> out) {
        VerifiableEntry v = store.verifiableGet(FromProto.get(request.getKeyRequest()),
                FromProto.limit(request.getProveSinceTx()));
        send(out, List.of(
                ToProto.entryWithoutValue(v.entry()).toByteArray(),
                rpcs.signed(v.verifiableTx()).toByteArray(),
                ToProto.inclusionProof(v.inclusionProof()).toByteArray(),
                v.entry().value()));
    }

    /** Request observer for (key, value)* → one Set transaction. */
    public StreamObserver<Chunk> streamSet(StreamObserver<TxHeader> reply) {
        return new MessageReceiver<>(reply,
                messages -> ToProto.header(store.set(StreamRequests.pairs(messages, 0), List.of())));
    }

    /** Request observer for u64(proveSinceTx) (key, value)* → VerifiableTx. */
    public StreamObserver<Chunk> streamVerifiableSet(StreamObserver<VerifiableTx> reply) {
        return new MessageReceiver<>(reply, messages -> {
            long proveSinceTx = StreamRequests.proveSinceTx(messages);
            return rpcs.signed(store.verifiableSet(StreamRequests.pairs(messages, 1), List.of(), proveSinceTx));
        });
    }

    /** Request observer for (type, op)* → one ExecAll transaction. */
    public StreamObserver<Chunk> streamExecAll(StreamObserver<TxHeader> reply) {
        return new MessageReceiver<>(reply,
                messages -> ToProto.header(store.execAll(StreamRequests.ops(messages), List.of())));
    }

    private static List<byte[]> keyValues(List<KvEntry> entries) {
        List<byte[]> messages = new ArrayList<>(entries.size() * 2);
        for (KvEntry e : entries) {
            messages.add(e.key());
            messages.add(e.value());
        }
        return messages;
    }

    private void send(StreamObserver<Chunk> out, List<byte[]> messages) {
        ChunkSender sender = new ChunkSender(out, chunkSize);
        sender.sendAll(messages);
        sender.complete();
    }
}
