package io.veridb.client;

import com.google.protobuf.ByteString;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.DualProofs;
import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.EntryDigest;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.MemoryTree;
import io.veridb.proofs.StateSignatures;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.TxMetadata;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.InclusionProof;
import io.veridb.protocol.immudb.LinearProof;
import io.veridb.protocol.immudb.Signature;
import io.veridb.protocol.immudb.Tx;
import io.veridb.protocol.immudb.TxEntry;
import io.veridb.protocol.immudb.VerifiableEntry;
import io.veridb.protocol.immudb.VerifiableTx;
import java.security.PrivateKey;
import java.util.ArrayList;
import java.util.List;

/**
 * An in-memory immudb-style ledger for tests: commits transactions of stored entries with blTxId = id − 1, and
 * builds the proofs an honest server would send, using the proofs module.
 */
final class FakeChain {

    /** One entry exactly as stored and hashed. */
    record Stored(byte[] key, KvMetadata metadata, byte[] value) {
        static Stored plain(String k, String v) {
            return new Stored(Keys.plainKey(utf8(k)), KvMetadata.NONE, Keys.plainValue(utf8(v)));
        }
    }

    final String db;
    final int version;
    final MemoryTree tree = new MemoryTree();
    final List<TxHeader> headers = new ArrayList<>();
    final List<List<Stored>> txs = new ArrayList<>();
    PrivateKey signingKey;

    FakeChain(String db, int version) {
        this.db = db;
        this.version = version;
    }

    static byte[] utf8(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    long lastTxId() {
        return headers.size();
    }

    TxHeader header(long id) {
        return headers.get((int) id - 1);
    }

    List<Stored> entries(long id) {
        return txs.get((int) id - 1);
    }

    TxHeader commit(Stored... entries) {
        long id = headers.size() + 1;
        byte[] prevAlh = id == 1 ? Hashes.empty() : header(id - 1).alh();
        byte[] blRoot = id == 1 ? Hashes.zero() : tree.root();
        TxHeader h = new TxHeader(id, prevAlh, 1_700_000_000L + id, version, TxMetadata.EMPTY, entries.length,
                EntriesTree.root(digests(List.of(entries))), id - 1, blRoot);
        headers.add(h);
        txs.add(List.of(entries));
        tree.append(h.alh());
        return h;
    }

    List<byte[]> digests(List<Stored> entries) {
        List<byte[]> d = new ArrayList<>();
        for (Stored s : entries) {
            d.add(EntryDigest.of(version, s.key(), s.metadata(), Hashes.sha256(s.value())));
        }
        return d;
    }

    // ------------------------------------------------------------------ protos an honest server sends

    static io.veridb.protocol.immudb.TxHeader proto(TxHeader h) {
        return io.veridb.protocol.immudb.TxHeader.newBuilder()
                .setId(h.id()).setPrevAlh(bs(h.prevAlh())).setTs(h.ts()).setNentries(h.nentries())
                .setEH(bs(h.eH())).setBlTxId(h.blTxId()).setBlRoot(bs(h.blRoot())).setVersion(h.version())
                .build();
    }

    static io.veridb.protocol.immudb.DualProof proto(DualProof p) {
        io.veridb.protocol.immudb.DualProof.Builder b = io.veridb.protocol.immudb.DualProof.newBuilder()
                .setSourceTxHeader(proto(p.source()))
                .setTargetTxHeader(proto(p.target()))
                .setTargetBlTxAlh(bs(p.targetBlTxAlh()))
                .setLinearProof(LinearProof.newBuilder()
                        .setSourceTxId(p.linearProof().sourceTxId())
                        .setTargetTxId(p.linearProof().targetTxId())
                        .addAllTerms(bsList(p.linearProof().terms())));
        b.addAllInclusionProof(bsList(p.inclusionProof()));
        b.addAllConsistencyProof(bsList(p.consistencyProof()));
        b.addAllLastInclusionProof(bsList(p.lastInclusionProof()));
        return b.build();
    }

    Tx protoTx(long id) {
        Tx.Builder b = Tx.newBuilder().setHeader(proto(header(id)));
        for (Stored s : entries(id)) {
            TxEntry.Builder e = TxEntry.newBuilder().setKey(bs(s.key())).setHValue(bs(Hashes.sha256(s.value())))
                    .setVLen(s.value().length);
            io.veridb.protocol.immudb.KVMetadata md = Protos.kvMetadata(s.metadata());
            if (md != null) {
                e.setMetadata(md);
            }
            b.addEntries(e);
        }
        return b.build();
    }

    /** VerifiableTx for a write of tx {@code n} proven since {@code p} (server rule: S = p, or n if p = 0). */
    VerifiableTx verifiableWrite(long n, long p) {
        return verifiableTx(n, p == 0 ? n : p, n, n);
    }

    /** VerifiableTx for a read of tx {@code v} proven since {@code p} (server rule of VerifiableGet/TxById). */
    VerifiableTx verifiableRead(long v, long p) {
        long s = p <= v ? (p == 0 ? v : p) : v;
        long t = p <= v ? v : p;
        return verifiableTx(v, s, t, t);
    }

    private VerifiableTx verifiableTx(long txId, long s, long t, long signedTx) {
        DualProof dual = DualProofs.build(this::header, tree, s, t);
        VerifiableTx.Builder b = VerifiableTx.newBuilder().setTx(protoTx(txId)).setDualProof(proto(dual));
        if (signingKey != null) {
            b.setSignature(Signature.newBuilder().setSignature(bs(StateSignatures.sign(signingKey, db, signedTx,
                    header(signedTx).alh()))));
        }
        return b.build();
    }

    /** VerifiableEntry for entry {@code index} of tx {@code v}, returned as {@code entry}. */
    VerifiableEntry verifiableEntry(Entry entry, long v, int index, long p) {
        io.veridb.proofs.InclusionProof ip = EntriesTree.proof(digests(entries(v)), index);
        return VerifiableEntry.newBuilder()
                .setEntry(entry)
                .setVerifiableTx(verifiableRead(v, p))
                .setInclusionProof(InclusionProof.newBuilder().setLeaf(ip.leaf()).setWidth(ip.width())
                        .addAllTerms(bsList(ip.terms())))
                .build();
    }

    ImmutableState state() {
        long id = lastTxId();
        byte[] alh = id == 0 ? Hashes.empty() : header(id).alh();
        ImmutableState.Builder b = ImmutableState.newBuilder().setDb(db).setTxId(id).setTxHash(bs(alh));
        if (signingKey != null) {
            b.setSignature(Signature.newBuilder().setSignature(bs(StateSignatures.sign(signingKey, db, id, alh))));
        }
        return b.build();
    }

    DatabaseState trusted(long id) {
        return new DatabaseState(db, id, id == 0 ? Hashes.empty() : header(id).alh(), new byte[0]);
    }

    static ByteString bs(byte[] b) {
        return ByteString.copyFrom(b);
    }

    static List<ByteString> bsList(List<byte[]> l) {
        List<ByteString> out = new ArrayList<>();
        for (byte[] b : l) {
            out.add(bs(b));
        }
        return out;
    }
}
