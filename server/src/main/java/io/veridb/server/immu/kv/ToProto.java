package io.veridb.server.immu.kv;

import com.google.protobuf.ByteString;
import io.veridb.server.proto.ProofMessages;
import io.veridb.kv.KvEntry;
import io.veridb.kv.KvRef;
import io.veridb.kv.RawEntry;
import io.veridb.kv.TxView;
import io.veridb.kv.VerifiableEntry;
import io.veridb.kv.ZEntry;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.TxMetadata;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.KVMetadata;
import io.veridb.protocol.immudb.Reference;
import io.veridb.protocol.immudb.Signature;
import io.veridb.protocol.immudb.Tx;
import io.veridb.protocol.immudb.TxEntry;
import io.veridb.protocol.immudb.VerifiableTx;
import java.util.Optional;

/**
 * kv domain values to reply messages. Metadata messages ({@code KVMetadata}, {@code TxMetadata}) are attached only
 * when the entry or transaction really has an attribute (protocol spec §7: immudb4j and immudb-node break on
 * present-but-empty metadata). Every digest is sent as 32 bytes. Stateless.
 */
final class ToProto {

    // VerifiableGet's transaction (up to 1024 entries) and dual proof: the kv layer caches them, so the same
    // instances come back for hot keys and their messages can be reused (see ReplyMemo)
    private static final ReplyMemo<TxView, Tx> TXS = new ReplyMemo<>(128);
    private static final ReplyMemo<DualProof, io.veridb.protocol.immudb.DualProof> DUAL_PROOFS = new ReplyMemo<>(1024);

    private ToProto() {}

    static ByteString bytes(byte[] owned) {
        return ProofMessages.bytes(owned);
    }

    static io.veridb.protocol.immudb.TxHeader header(TxHeader h) {
        return ProofMessages.header(h);
    }

    static KVMetadata metadata(KvMetadata md) {
        return ProofMessages.metadata(md);
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
        return ProofMessages.inclusionProof(p);
    }

    static io.veridb.protocol.immudb.DualProof dualProof(DualProof p) {
        return ProofMessages.dualProof(p);
    }

    static VerifiableTx verifiableTx(io.veridb.kv.VerifiableTx v, Optional<Signature> signature) {
        VerifiableTx.Builder b = VerifiableTx.newBuilder()
                .setTx(tx(v.tx()))
                .setDualProof(dualProof(v.dualProof()));
        signature.ifPresent(b::setSignature);
        return b.build();
    }

    static io.veridb.protocol.immudb.VerifiableEntry verifiableEntry(VerifiableEntry v, Optional<Signature> sig) {
        io.veridb.kv.VerifiableTx vtx = v.verifiableTx();
        VerifiableTx.Builder tx = VerifiableTx.newBuilder()
                .setTx(TXS.get(vtx.tx(), ToProto::tx))
                .setDualProof(DUAL_PROOFS.get(vtx.dualProof(), ToProto::dualProof));
        sig.ifPresent(tx::setSignature);
        return io.veridb.protocol.immudb.VerifiableEntry.newBuilder()
                .setEntry(entry(v.entry()))
                .setVerifiableTx(tx)
                .setInclusionProof(inclusionProof(v.inclusionProof()))
                .build();
    }
}
