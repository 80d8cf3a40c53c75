package io.veridb.client;

import com.google.protobuf.InvalidProtocolBufferException;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.InclusionProof;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.TxHeader;
import io.veridb.protocol.immudb.VerifiableEntry;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableTx;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

/**
 * The chunked-stream RPCs (protocol spec §2.4) for values too large for one gRPC message: streamSet,
 * streamGet, streamVerifiableSet and streamVerifiableGet. Message sequences are assembled and parsed here; the
 * verified variants reuse the unary checks of {@link KvVerifier}.
 */
final class Streams {

    private final ImmuRpc rpc;
    private final int chunkSize;

    Streams(ImmuRpc rpc, int chunkSize) {
        this.rpc = rpc;
        this.chunkSize = chunkSize;
    }

    /** [key, value]* → one transaction. Stream writes carry no metadata. */
    TxHeader streamSet(List<KvWrite> writes) {
        return rpc.clientStreaming("streamSet", (s, reply) -> s.streamSet(reply),
                ChunkCodec.encode(pairs(writes, List.of()), chunkSize));
    }

    /** u64(proveSinceTx), [key, value]* → VerifiableTx. */
    VerifiableTx streamVerifiableSet(List<KvWrite> writes, long proveSinceTx) {
        List<byte[]> first = List.of(ByteBuffer.allocate(Long.BYTES).putLong(proveSinceTx).array());
        return rpc.clientStreaming("streamVerifiableSet", (s, reply) -> s.streamVerifiableSet(reply),
                ChunkCodec.encode(pairs(writes, first), chunkSize));
    }

    /** [key, value] of the latest (or requested) version; returns the value. */
    byte[] streamGet(KeyRequest request) {
        List<byte[]> messages = rpc.call("streamGet", s -> ChunkCodec.decode(s.streamGet(request)));
        if (messages.size() != 2) {
            throw new VeriClientException("streamGet: " + messages.size() + " messages, want 2 (key, value)");
        }
        return messages.get(1);
    }

    /** [Entry without value, VerifiableTx, InclusionProof, value] reassembled as a VerifiableEntry. */
    VerifiableEntry streamVerifiableGet(VerifiableGetRequest request) {
        List<byte[]> m = rpc.call("streamVerifiableGet", s -> ChunkCodec.decode(s.streamVerifiableGet(request)));
        if (m.size() != 4) {
            throw new VeriClientException("streamVerifiableGet: " + m.size()
                    + " messages, want 4 (entry, verifiable tx, inclusion proof, value)");
        }
        try {
            Entry entry = Entry.parseFrom(m.get(0)).toBuilder().setValue(Protos.bytes(m.get(3))).build();
            return VerifiableEntry.newBuilder()
                    .setEntry(entry)
                    .setVerifiableTx(VerifiableTx.parseFrom(m.get(1)))
                    .setInclusionProof(InclusionProof.parseFrom(m.get(2)))
                    .build();
        } catch (InvalidProtocolBufferException e) {
            throw new VeriClientException("streamVerifiableGet: undecodable message: " + e.getMessage());
        }
    }

    private static List<byte[]> pairs(List<KvWrite> writes, List<byte[]> prefix) {
        List<byte[]> messages = new ArrayList<>(prefix);
        for (KvWrite w : writes) {
            if (!w.metadata().isEmpty()) {
                throw new IllegalArgumentException("stream writes carry no metadata, got " + w.metadata()
                        + " for key " + Bytes.brief(w.key()));
            }
            messages.add(w.key());
            messages.add(w.value());
        }
        return messages;
    }
}
