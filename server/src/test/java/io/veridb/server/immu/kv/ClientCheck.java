package io.veridb.server.immu.kv;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.veridb.kv.KvEncoding;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.DualProofs;
import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.EntryDigest;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.LinearProof;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.TxMetadata;
import io.veridb.proofs.Verification;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.KVMetadata;
import io.veridb.protocol.immudb.Reference;
import io.veridb.protocol.immudb.TxEntry;
import io.veridb.protocol.immudb.VerifiableEntry;
import io.veridb.protocol.immudb.VerifiableTx;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

/**
 * A client's side of immudb verification (protocol spec §3.9), written with the proofs module only: it keeps the
 * trusted state {@code (txId, Alh)} and checks each verifiable reply the way the Go, Python and Java SDKs do,
 * moving the state forward on success. Assertions fail the test on any mismatch.
 */
final class ClientCheck {

    private long txId;
    private byte[] alh = Hashes.sha256();

    long txId() {
        return txId;
    }

    byte[] alh() {
        return alh.clone();
    }

    /** verifiedSet of one key/value (Go/py flavour plus immudb4j's eH rebuild). */
    void verifiedSet(VerifiableTx reply, byte[] key, byte[] value) {
        TxHeader n = singleEntryTx(reply);
        TxEntry raw = reply.getTx().getEntries(0);
        KvMetadata md = metadata(raw.hasMetadata(), raw.getMetadata());
        assertThat(md.deleted()).as("entry deleted").isFalse();
        byte[] digest = EntryDigest.of(n.version(), KvEncoding.kvKey(key), md,
                Hashes.sha256(KvEncoding.plainValue(value)));
        acceptWrite(reply, n, digest);
    }

    /** verifiedSetReference: the digest is rebuilt from the request, without metadata. */
    void verifiedSetReference(VerifiableTx reply, byte[] key, byte[] referencedKey, long atTx) {
        TxHeader n = singleEntryTx(reply);
        byte[] digest = EntryDigest.of(n.version(), KvEncoding.kvKey(key), KvMetadata.NONE,
                Hashes.sha256(KvEncoding.referenceValue(referencedKey, atTx)));
        acceptWrite(reply, n, digest);
    }

    /** verifiedZAdd: member key of §3.1, no metadata, empty value. */
    void verifiedZAdd(VerifiableTx reply, byte[] set, double score, byte[] key, long atTx) {
        TxHeader n = singleEntryTx(reply);
        byte[] digest = EntryDigest.of(n.version(), KvEncoding.zsetKey(set, score, key, atTx), KvMetadata.NONE,
                Hashes.sha256());
        acceptWrite(reply, n, digest);
    }

    /** verifiedGet of {@code requestedKey}. */
    void verifiedGet(VerifiableEntry reply, byte[] requestedKey) {
        Entry e = reply.getEntry();
        TxHeader v = header(reply.getVerifiableTx().getTx().getHeader());
        byte[] digest;
        if (e.hasReferencedBy()) {
            Reference r = e.getReferencedBy();
            assertThat(r.getKey().toByteArray()).as("reference key").isEqualTo(requestedKey);
            assertThat(r.getTx()).isEqualTo(v.id());
            digest = EntryDigest.of(v.version(), KvEncoding.kvKey(requestedKey), metadata(r.hasMetadata(),
                    r.getMetadata()), Hashes.sha256(KvEncoding.referenceValue(e.getKey().toByteArray(), r.getAtTx())));
        } else {
            assertThat(e.getKey().toByteArray()).as("entry key").isEqualTo(requestedKey);
            assertThat(e.getTx()).isEqualTo(v.id());
            KvMetadata md = metadata(e.hasMetadata(), e.getMetadata());
            assertThat(md.deleted()).isFalse();
            digest = EntryDigest.of(v.version(), KvEncoding.kvKey(requestedKey), md,
                    Hashes.sha256(KvEncoding.plainValue(e.getValue().toByteArray())));
        }
        DualProof dual = dualProof(reply.getVerifiableTx());
        Oriented o = orient(dual, v.id());
        ok(EntriesTree.verify(inclusionProof(reply.getInclusionProof()), digest, o.eH));
        acceptDual(dual, o);
    }

    /** verifiedTxById of {@code tx}: dual proof only, plus immudb4j's eH rebuild from raw entries. */
    void verifiedTxById(VerifiableTx reply, long tx) {
        TxHeader v = header(reply.getTx().getHeader());
        assertThat(v.id()).isEqualTo(tx);
        if (reply.getTx().getEntriesCount() == v.nentries()) {
            assertThat(EntriesTree.root(digests(reply, v))).isEqualTo(v.eH());
        }
        DualProof dual = dualProof(reply);
        acceptDual(dual, orient(dual, tx));
    }

    private TxHeader singleEntryTx(VerifiableTx reply) {
        TxHeader n = header(reply.getTx().getHeader());
        assertThat(n.nentries()).as("nentries").isEqualTo(1);
        assertThat(reply.getTx().getEntriesCount()).as("raw entries").isEqualTo(1);
        return n;
    }

    private void acceptWrite(VerifiableTx reply, TxHeader n, byte[] digest) {
        List<byte[]> digests = digests(reply, n);
        assertThat(EntriesTree.root(digests)).as("eH rebuilt from raw entries").isEqualTo(n.eH());
        ok(EntriesTree.verify(EntriesTree.proof(digests, 0), digest, n.eH()));
        DualProof dual = dualProof(reply);
        assertThat(dual.target()).isEqualTo(n);
        if (txId > 0) {
            ok(DualProofs.verify(dual, txId, n.id(), alh, n.alh()));
        } else {
            ok(DualProofs.verify(dual, n.id(), n.id(), n.alh(), n.alh()));
        }
        txId = n.id();
        alh = n.alh();
    }

    private record Oriented(long source, long target, byte[] sourceAlh, byte[] targetAlh, byte[] eH) {}

    private Oriented orient(DualProof dual, long v) {
        if (txId <= v) {
            long source = txId == 0 ? v : txId;
            byte[] sourceAlh = txId == 0 ? dual.source().alh() : alh;
            return new Oriented(source, v, sourceAlh, dual.target().alh(), dual.target().eH());
        }
        return new Oriented(v, txId, dual.source().alh(), alh, dual.source().eH());
    }

    private void acceptDual(DualProof dual, Oriented o) {
        ok(DualProofs.verify(dual, o.source(), o.target(), o.sourceAlh(), o.targetAlh()));
        if (o.target() >= txId) {
            txId = o.target();
            alh = o.targetAlh();
        }
    }

    private static List<byte[]> digests(VerifiableTx reply, TxHeader h) {
        List<byte[]> out = new ArrayList<>();
        for (TxEntry e : reply.getTx().getEntriesList()) {
            out.add(EntryDigest.of(h.version(), e.getKey().toByteArray(), metadata(e.hasMetadata(), e.getMetadata()),
                    e.getHValue().toByteArray()));
        }
        return out;
    }

    private static void ok(Verification v) {
        assertThat(v.isOk()).as("verification: %s", v).isTrue();
    }

    static KvMetadata metadata(boolean present, KVMetadata m) {
        if (!present) {
            return KvMetadata.NONE;
        }
        return new KvMetadata(m.getDeleted(),
                m.hasExpiration() ? OptionalLong.of(m.getExpiration().getExpiresAt()) : OptionalLong.empty(),
                m.getNonIndexable());
    }

    static TxHeader header(io.veridb.protocol.immudb.TxHeader h) {
        TxMetadata md = h.hasMetadata()
                ? new TxMetadata(h.getMetadata().getTruncatedTxID(), h.getMetadata().getExtra().toByteArray())
                : TxMetadata.EMPTY;
        return new TxHeader(h.getId(), h.getPrevAlh().toByteArray(), h.getTs(), h.getVersion(), md, h.getNentries(),
                h.getEH().toByteArray(), h.getBlTxId(), h.getBlRoot().toByteArray());
    }

    static DualProof dualProof(VerifiableTx reply) {
        io.veridb.protocol.immudb.DualProof p = reply.getDualProof();
        assertThat(p.hasLinearAdvanceProof()).as("LinearAdvanceProof must be absent").isFalse();
        io.veridb.protocol.immudb.LinearProof lp = p.getLinearProof();
        return new DualProof(header(p.getSourceTxHeader()), header(p.getTargetTxHeader()),
                hashes(p.getInclusionProofList()), hashes(p.getConsistencyProofList()),
                p.getTargetBlTxAlh().toByteArray(), hashes(p.getLastInclusionProofList()),
                new LinearProof(lp.getSourceTxId(), lp.getTargetTxId(), hashes(lp.getTermsList())));
    }

    static InclusionProof inclusionProof(io.veridb.protocol.immudb.InclusionProof p) {
        return new InclusionProof(p.getLeaf(), p.getWidth(), hashes(p.getTermsList()));
    }

    private static List<byte[]> hashes(List<ByteString> list) {
        return list.stream().map(ByteString::toByteArray).toList();
    }
}
