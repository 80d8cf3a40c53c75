package io.veridb.server.proto;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.LinearProof;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.TxMetadata;
import io.veridb.protocol.immudb.Expiration;
import io.veridb.protocol.immudb.KVMetadata;
import java.util.List;

/**
 * Proof values as immudb.schema messages, shared by the immudb face and the DCB event-proof service. Every digest
 * goes out as 32 bytes, and tx metadata only when the header has some (protocol spec §7). Byte arrays handed in
 * are wrapped, not copied: callers pass arrays they own and no longer change. Stateless.
 */
public final class ProofMessages {

    private ProofMessages() {}

    /** Wraps {@code owned} without copying. */
    public static ByteString bytes(byte[] owned) {
        return UnsafeByteOperations.unsafeWrap(owned);
    }

    public static io.veridb.protocol.immudb.TxHeader header(TxHeader h) {
        io.veridb.protocol.immudb.TxHeader.Builder b = io.veridb.protocol.immudb.TxHeader.newBuilder()
                .setId(h.id())
                .setPrevAlh(bytes(h.prevAlh()))
                .setTs(h.ts())
                .setNentries(h.nentries())
                .setEH(bytes(h.eH()))
                .setBlTxId(h.blTxId())
                .setBlRoot(bytes(h.blRoot()))
                .setVersion(h.version());
        if (!h.metadata().isEmpty()) {
            b.setMetadata(txMetadata(h.metadata()));
        }
        return b.build();
    }

    public static KVMetadata metadata(KvMetadata md) {
        KVMetadata.Builder b = KVMetadata.newBuilder().setDeleted(md.deleted()).setNonIndexable(md.nonIndexable());
        md.expiresAt().ifPresent(t -> b.setExpiration(Expiration.newBuilder().setExpiresAt(t)));
        return b.build();
    }

    public static io.veridb.protocol.immudb.InclusionProof inclusionProof(InclusionProof p) {
        return io.veridb.protocol.immudb.InclusionProof.newBuilder()
                .setLeaf(p.leaf())
                .setWidth(p.width())
                .addAllTerms(hashes(p.terms()))
                .build();
    }

    public static io.veridb.protocol.immudb.DualProof dualProof(DualProof p) {
        return io.veridb.protocol.immudb.DualProof.newBuilder()
                .setSourceTxHeader(header(p.source()))
                .setTargetTxHeader(header(p.target()))
                .addAllInclusionProof(hashes(p.inclusionProof()))
                .addAllConsistencyProof(hashes(p.consistencyProof()))
                .setTargetBlTxAlh(bytes(p.targetBlTxAlh()))
                .addAllLastInclusionProof(hashes(p.lastInclusionProof()))
                .setLinearProof(linearProof(p.linearProof()))
                .build();
    }

    private static io.veridb.protocol.immudb.TxMetadata txMetadata(TxMetadata md) {
        return io.veridb.protocol.immudb.TxMetadata.newBuilder()
                .setTruncatedTxID(md.truncatedTxId())
                .setExtra(bytes(md.extra()))
                .build();
    }

    private static io.veridb.protocol.immudb.LinearProof linearProof(LinearProof p) {
        return io.veridb.protocol.immudb.LinearProof.newBuilder()
                .setSourceTxId(p.sourceTxId())
                .setTargetTxId(p.targetTxId())
                .addAllTerms(hashes(p.terms()))
                .build();
    }

    private static List<ByteString> hashes(List<byte[]> hashes) {
        return hashes.stream().map(ProofMessages::bytes).toList();
    }
}
