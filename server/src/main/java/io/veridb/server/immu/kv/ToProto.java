package io.veridb.server.immu.kv;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnsafeByteOperations;
import io.veridb.kv.KvEntry;
import io.veridb.kv.KvRef;
import io.veridb.kv.RawEntry;
import io.veridb.kv.TxView;
import io.veridb.kv.VerifiableEntry;
import io.veridb.kv.ZEntry;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.LinearProof;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.TxMetadata;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.Expiration;
import io.veridb.protocol.immudb.KVMetadata;
import io.veridb.protocol.immudb.Reference;
import io.veridb.protocol.immudb.Signature;
import io.veridb.protocol.immudb.Tx;
import io.veridb.protocol.immudb.TxEntry;
import io.veridb.protocol.immudb.VerifiableTx;
import java.util.List;
import java.util.Optional;

/**
 * kv domain values to reply messages. Metadata messages ({@code KVMetadata}, {@code TxMetadata}) are attached only
 * when the entry or transaction really has an attribute (protocol spec §7: immudb4j and immudb-node break on
 * present-but-empty metadata). Every digest is sent as 32 bytes. Stateless.
 */
final class ToProto {

    private ToProto() {}

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
            b.setMetadata(txMetadata(h.metadata()));
        }
        return b.build();
    }

    private static io.veridb.protocol.immudb.TxMetadata txMetadata(TxMetadata md) {
        return io.veridb.protocol.immudb.TxMetadata.newBuilder()
                .setTruncatedTxID(md.truncatedTxId())
                .setExtra(bytes(md.extra()))
                .build();
    }

    static KVMetadata metadata(KvMetadata md) {
        KVMetadata.Builder b = KVMetadata.newBuilder().setDeleted(md.deleted()).setNonIndexable(md.nonIndexable());
        md.expiresAt().ifPresent(t -> b.setExpiration(Expiration.newBuilder().setExpiresAt(t)));
        return b.build();
    }

    static Entry entry(KvEntry e) {
        Entry.Builder b = Entry.newBuilder()
                .setTx(e.tx())
                .setKey(bytes(e.key()))
                .setValue(bytes(e.value()))
                .setExpired(e.expired())
                .setRevision(e.revision());
        if (!e.metadata().isEmpty()) {
            b.setMetadata(metadata(e.metadata()));
        }
        e.referencedBy().ifPresent(r -> b.setReferencedBy(reference(r)));
        return b.build();
    }

    /** The entry without its value, as the first message of streamVerifiableGet (tx, key, referencedBy only). */
    static Entry entryWithoutValue(KvEntry e) {
        Entry.Builder b = Entry.newBuilder().setTx(e.tx()).setKey(bytes(e.key()));
        e.referencedBy().ifPresent(r -> b.setReferencedBy(reference(r)));
        return b.build();
    }

    static Reference reference(KvRef r) {
        Reference.Builder b = Reference.newBuilder()
                .setTx(r.tx())
                .setKey(bytes(r.key()))
                .setAtTx(r.atTx())
                .setRevision(r.revision());
        if (!r.metadata().isEmpty()) {
            b.setMetadata(metadata(r.metadata()));
        }
        return b.build();
    }

    static io.veridb.protocol.immudb.ZEntry zEntry(ZEntry z) {
        io.veridb.protocol.immudb.ZEntry.Builder b = io.veridb.protocol.immudb.ZEntry.newBuilder()
                .setSet(bytes(z.set()))
                .setKey(bytes(z.key()))
                .setScore(z.score())
                .setAtTx(z.atTx());
        z.entry().ifPresent(e -> b.setEntry(entry(e)));
        return b.build();
    }

    static TxEntry rawEntry(RawEntry e) {
        TxEntry.Builder b = TxEntry.newBuilder()
                .setKey(bytes(e.key()))
                .setHValue(bytes(e.hValue()))
                .setVLen(e.vLen());
        if (!e.metadata().isEmpty()) {
            b.setMetadata(metadata(e.metadata()));
        }
        e.value().ifPresent(v -> b.setValue(bytes(v)));
        return b.build();
    }

    static Tx tx(TxView t) {
        Tx.Builder b = Tx.newBuilder().setHeader(header(t.header()));
        t.entries().forEach(e -> b.addEntries(rawEntry(e)));
        t.kvEntries().forEach(e -> b.addKvEntries(entry(e)));
        t.zEntries().forEach(z -> b.addZEntries(zEntry(z)));
        return b.build();
    }

    static io.veridb.protocol.immudb.InclusionProof inclusionProof(InclusionProof p) {
        io.veridb.protocol.immudb.InclusionProof.Builder b = io.veridb.protocol.immudb.InclusionProof.newBuilder()
                .setLeaf(p.leaf())
                .setWidth(p.width());
        p.terms().forEach(t -> b.addTerms(bytes(t)));
        return b.build();
    }

    static io.veridb.protocol.immudb.DualProof dualProof(DualProof p) {
        io.veridb.protocol.immudb.DualProof.Builder b = io.veridb.protocol.immudb.DualProof.newBuilder()
                .setSourceTxHeader(header(p.source()))
                .setTargetTxHeader(header(p.target()))
                .addAllInclusionProof(hashes(p.inclusionProof()))
                .addAllConsistencyProof(hashes(p.consistencyProof()))
                .setTargetBlTxAlh(bytes(p.targetBlTxAlh()))
                .addAllLastInclusionProof(hashes(p.lastInclusionProof()))
                .setLinearProof(linearProof(p.linearProof()));
        return b.build();
    }

    private static io.veridb.protocol.immudb.LinearProof linearProof(LinearProof p) {
        return io.veridb.protocol.immudb.LinearProof.newBuilder()
                .setSourceTxId(p.sourceTxId())
                .setTargetTxId(p.targetTxId())
                .addAllTerms(hashes(p.terms()))
                .build();
    }

    private static List<ByteString> hashes(List<byte[]> hashes) {
        return hashes.stream().map(ToProto::bytes).toList();
    }

    static VerifiableTx verifiableTx(io.veridb.kv.VerifiableTx v, Optional<Signature> signature) {
        VerifiableTx.Builder b = VerifiableTx.newBuilder()
                .setTx(tx(v.tx()))
                .setDualProof(dualProof(v.dualProof()));
        signature.ifPresent(b::setSignature);
        return b.build();
    }

    static io.veridb.protocol.immudb.VerifiableEntry verifiableEntry(VerifiableEntry v, Optional<Signature> sig) {
        return io.veridb.protocol.immudb.VerifiableEntry.newBuilder()
                .setEntry(entry(v.entry()))
                .setVerifiableTx(verifiableTx(v.verifiableTx(), sig))
                .setInclusionProof(inclusionProof(v.inclusionProof()))
                .build();
    }
}
