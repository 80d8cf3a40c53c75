package io.veridb.server.dcb;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.LinearProof;
import io.veridb.proofs.TxHeader;
import io.veridb.protocol.immudb.Expiration;
import io.veridb.protocol.immudb.KVMetadata;
import io.veridb.protocol.immudb.TxMetadata;
import java.util.List;

/** Proof values to immudb.schema messages (every digest sent as 32 bytes). Stateless. */
final class ProofProtos {
    private ProofProtos() {}

    static ByteString bytes(byte[] owned) {
        return UnsafeByteOperations.unsafeWrap(owned);
    }

    static io.veridb.protocol.immudb.TxHeader header(TxHeader h) {
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
            b.setMetadata(TxMetadata.newBuilder()
                    .setTruncatedTxID(h.metadata().truncatedTxId())
                    .setExtra(bytes(h.metadata().extra())));
        }
        return b.build();
    }

    static KVMetadata metadata(KvMetadata md) {
        KVMetadata.Builder b = KVMetadata.newBuilder().setDeleted(md.deleted()).setNonIndexable(md.nonIndexable());
        md.expiresAt().ifPresent(t -> b.setExpiration(Expiration.newBuilder().setExpiresAt(t)));
        return b.build();
    }

    static io.veridb.protocol.immudb.InclusionProof inclusion(InclusionProof p) {
        return io.veridb.protocol.immudb.InclusionProof.newBuilder()
                .setLeaf(p.leaf())
                .setWidth(p.width())
                .addAllTerms(terms(p.terms()))
                .build();
    }

    static io.veridb.protocol.immudb.DualProof dual(DualProof p) {
        LinearProof linear = p.linearProof();
        return io.veridb.protocol.immudb.DualProof.newBuilder()
                .setSourceTxHeader(header(p.source()))
                .setTargetTxHeader(header(p.target()))
                .addAllInclusionProof(terms(p.inclusionProof()))
                .addAllConsistencyProof(terms(p.consistencyProof()))
                .setTargetBlTxAlh(bytes(p.targetBlTxAlh()))
                .addAllLastInclusionProof(terms(p.lastInclusionProof()))
                .setLinearProof(io.veridb.protocol.immudb.LinearProof.newBuilder()
                        .setSourceTxId(linear.sourceTxId())
                        .setTargetTxId(linear.targetTxId())
                        .addAllTerms(terms(linear.terms())))
                .build();
    }

    private static List<ByteString> terms(List<byte[]> terms) {
        return terms.stream().map(ProofProtos::bytes).toList();
    }
}
