package io.veridb.client;

import com.google.protobuf.ByteString;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.LinearProof;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.TxMetadata;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.EntryTypeAction;
import io.veridb.protocol.immudb.EntryTypeSpec;
import io.veridb.protocol.immudb.Expiration;
import io.veridb.protocol.immudb.KVMetadata;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.ReferenceRequest;
import io.veridb.protocol.immudb.Tx;
import io.veridb.protocol.immudb.TxEntry;
import io.veridb.protocol.immudb.ZAddRequest;
import io.veridb.protocol.immudb.ZEntry;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * Maps between immudb protobuf messages and the SDK's and proofs module's value types. A server message that
 * cannot form a valid value (a short hash, a header with {@code blTxId ≥ id}, …) fails with a
 * {@link VerificationException} naming the field, since such an answer cannot be trusted.
 */
final class Protos {

    private Protos() {}

    static ByteString bytes(byte[] b) {
        return ByteString.copyFrom(b);
    }

    // ------------------------------------------------------------------ server → SDK

    static TxHeader header(io.veridb.protocol.immudb.TxHeader p) {
        try {
            TxMetadata md = p.hasMetadata()
                    ? new TxMetadata(p.getMetadata().getTruncatedTxID(), p.getMetadata().getExtra().toByteArray())
                    : TxMetadata.EMPTY;
            return new TxHeader(p.getId(), p.getPrevAlh().toByteArray(), p.getTs(), p.getVersion(), md,
                    p.getNentries(), p.getEH().toByteArray(), p.getBlTxId(), p.getBlRoot().toByteArray());
        } catch (IllegalArgumentException e) {
            throw new VerificationException("tx header " + p.getId() + " is well formed", "valid header",
                    e.getMessage());
        }
    }

    static KvMetadata kvMetadata(boolean present, KVMetadata p) {
        if (!present) {
            return KvMetadata.NONE;
        }
        OptionalLong expiresAt = p.hasExpiration()
                ? OptionalLong.of(p.getExpiration().getExpiresAt())
                : OptionalLong.empty();
        return new KvMetadata(p.getDeleted(), expiresAt, p.getNonIndexable());
    }

    static KvEntry entry(Entry e) {
        Optional<KvReference> ref = e.hasReferencedBy()
                ? Optional.of(new KvReference(e.getReferencedBy().getTx(), e.getReferencedBy().getKey().toByteArray(),
                        e.getReferencedBy().getAtTx(),
                        kvMetadata(e.getReferencedBy().hasMetadata(), e.getReferencedBy().getMetadata()),
                        e.getReferencedBy().getRevision()))
                : Optional.empty();
        return new KvEntry(e.getKey().toByteArray(), e.getValue().toByteArray(), e.getTx(), e.getRevision(),
                kvMetadata(e.hasMetadata(), e.getMetadata()), e.getExpired(), ref);
    }

    static List<KvEntry> entries(List<Entry> list) {
        List<KvEntry> out = new ArrayList<>(list.size());
        for (Entry e : list) {
            out.add(entry(e));
        }
        return out;
    }

    static SortedSetEntry zEntry(ZEntry z) {
        return new SortedSetEntry(z.getSet().toByteArray(), z.getKey().toByteArray(), z.getScore(), z.getAtTx(),
                entry(z.getEntry()));
    }

    static TxEntryRecord txEntry(TxEntry e, boolean withValue) {
        try {
            return new TxEntryRecord(e.getKey().toByteArray(), e.getHValue().toByteArray(), e.getVLen(),
                    kvMetadata(e.hasMetadata(), e.getMetadata()),
                    withValue ? Optional.of(e.getValue().toByteArray()) : Optional.empty());
        } catch (IllegalArgumentException ex) {
            throw new VerificationException("tx entry is well formed", "valid entry", ex.getMessage());
        }
    }

    /** A transaction read without a spec: raw entries, no values. */
    static TxRecord tx(Tx tx) {
        return tx(tx, EntriesSpec.DIGESTS);
    }

    /**
     * A transaction read with {@code spec}: a raw entry carries its value when {@code spec} asked for the values
     * of its kind (proto3 {@code bytes} cannot tell an empty value from an absent one).
     */
    static TxRecord tx(Tx tx, EntriesSpec spec) {
        List<TxEntryRecord> entries = new ArrayList<>(tx.getEntriesCount());
        for (TxEntry e : tx.getEntriesList()) {
            boolean withValue = spec.actionFor(e.getKey().toByteArray()) == EntriesSpec.Action.RAW_VALUE;
            entries.add(txEntry(e, withValue));
        }
        List<SortedSetEntry> zEntries = new ArrayList<>(tx.getZEntriesCount());
        for (ZEntry z : tx.getZEntriesList()) {
            zEntries.add(zEntry(z));
        }
        return new TxRecord(header(tx.getHeader()), entries, entries(tx.getKvEntriesList()), zEntries);
    }

    static InclusionProof inclusionProof(io.veridb.protocol.immudb.InclusionProof p) {
        try {
            return new InclusionProof(p.getLeaf(), p.getWidth(), hashes(p.getTermsList()));
        } catch (IllegalArgumentException e) {
            throw new VerificationException("entry inclusion proof is well formed", "valid proof", e.getMessage());
        }
    }

    /**
     * The dual proof; VeriDB and immudb ≥ 1.5 never need a linear advance proof, so a non-empty one is rejected
     * rather than ignored.
     */
    static DualProof dualProof(io.veridb.protocol.immudb.DualProof p) {
        if (!p.hasSourceTxHeader() || !p.hasTargetTxHeader() || !p.hasLinearProof()) {
            throw new VerificationException("dual proof has headers and a linear proof", "present",
                    "source=" + p.hasSourceTxHeader() + " target=" + p.hasTargetTxHeader() + " linear="
                            + p.hasLinearProof());
        }
        if (p.hasLinearAdvanceProof() && (p.getLinearAdvanceProof().getLinearProofTermsCount() > 0
                || p.getLinearAdvanceProof().getInclusionProofsCount() > 0)) {
            throw new VerificationException("dual proof linear advance proof", "empty (blTxId = id - 1)",
                    p.getLinearAdvanceProof().getLinearProofTermsCount() + " terms");
        }
        try {
            io.veridb.protocol.immudb.LinearProof lp = p.getLinearProof();
            return new DualProof(header(p.getSourceTxHeader()), header(p.getTargetTxHeader()),
                    hashes(p.getInclusionProofList()), hashes(p.getConsistencyProofList()),
                    p.getTargetBlTxAlh().toByteArray(), hashes(p.getLastInclusionProofList()),
                    new LinearProof(lp.getSourceTxId(), lp.getTargetTxId(), hashes(lp.getTermsList())));
        } catch (IllegalArgumentException e) {
            throw new VerificationException("dual proof is well formed", "32-byte hashes", e.getMessage());
        }
    }

    private static List<byte[]> hashes(List<ByteString> list) {
        List<byte[]> out = new ArrayList<>(list.size());
        for (ByteString b : list) {
            out.add(b.toByteArray());
        }
        return out;
    }

    // ------------------------------------------------------------------ SDK → server

    /** The wire form of {@code md}, or null when it is empty (an empty KVMetadata is never sent). */
    static KVMetadata kvMetadata(KvMetadata md) {
        if (md.isEmpty()) {
            return null;
        }
        KVMetadata.Builder b = KVMetadata.newBuilder().setDeleted(md.deleted()).setNonIndexable(md.nonIndexable());
        md.expiresAt().ifPresent(t -> b.setExpiration(Expiration.newBuilder().setExpiresAt(t)));
        return b.build();
    }

    static KeyValue keyValue(KvWrite w) {
        KeyValue.Builder b = KeyValue.newBuilder().setKey(bytes(w.key())).setValue(bytes(w.value()));
        KVMetadata md = kvMetadata(w.metadata());
        if (md != null) {
            b.setMetadata(md);
        }
        return b.build();
    }

    static ReferenceRequest reference(byte[] key, byte[] referencedKey, long atTx) {
        return ReferenceRequest.newBuilder().setKey(bytes(key)).setReferencedKey(bytes(referencedKey))
                .setAtTx(atTx).setBoundRef(atTx > 0).build();
    }

    static ZAddRequest zAdd(byte[] set, double score, byte[] key, long atTx) {
        return ZAddRequest.newBuilder().setSet(bytes(set)).setScore(score).setKey(bytes(key)).setAtTx(atTx)
                .setBoundRef(atTx > 0).build();
    }

    /** The wire form of {@code spec}, or null for {@link EntriesSpec#DIGESTS} (sent as an absent spec). */
    static io.veridb.protocol.immudb.EntriesSpec entriesSpec(EntriesSpec spec) {
        if (spec.equals(EntriesSpec.DIGESTS)) {
            return null;
        }
        return io.veridb.protocol.immudb.EntriesSpec.newBuilder()
                .setKvEntriesSpec(entryTypeSpec(spec.kv()))
                .setZEntriesSpec(entryTypeSpec(spec.zset()))
                .setSqlEntriesSpec(entryTypeSpec(spec.sql()))
                .build();
    }

    private static EntryTypeSpec entryTypeSpec(EntriesSpec.Action action) {
        EntryTypeAction wire = switch (action) {
            case EXCLUDE -> EntryTypeAction.EXCLUDE;
            case ONLY_DIGEST -> EntryTypeAction.ONLY_DIGEST;
            case RAW_VALUE -> EntryTypeAction.RAW_VALUE;
            case RESOLVE -> EntryTypeAction.RESOLVE;
        };
        return EntryTypeSpec.newBuilder().setAction(wire).build();
    }

    static io.veridb.protocol.immudb.Op op(Op op) {
        io.veridb.protocol.immudb.Op.Builder b = io.veridb.protocol.immudb.Op.newBuilder();
        if (op instanceof Op.Set s) {
            b.setKv(keyValue(s.write()));
        } else if (op instanceof Op.Reference r) {
            b.setRef(reference(r.key(), r.referencedKey(), r.atTx()));
        } else if (op instanceof Op.ZAdd z) {
            b.setZAdd(zAdd(z.set(), z.score(), z.key(), z.atTx()));
        }
        return b.build();
    }

    static io.veridb.protocol.immudb.Precondition precondition(Precondition p) {
        io.veridb.protocol.immudb.Precondition.Builder b = io.veridb.protocol.immudb.Precondition.newBuilder();
        if (p instanceof Precondition.KeyMustExist e) {
            b.setKeyMustExist(io.veridb.protocol.immudb.Precondition.KeyMustExistPrecondition.newBuilder()
                    .setKey(bytes(e.key())));
        } else if (p instanceof Precondition.KeyMustNotExist n) {
            b.setKeyMustNotExist(io.veridb.protocol.immudb.Precondition.KeyMustNotExistPrecondition.newBuilder()
                    .setKey(bytes(n.key())));
        } else if (p instanceof Precondition.KeyNotModifiedAfterTx m) {
            b.setKeyNotModifiedAfterTX(
                    io.veridb.protocol.immudb.Precondition.KeyNotModifiedAfterTXPrecondition.newBuilder()
                            .setKey(bytes(m.key())).setTxID(m.txId()));
        }
        return b.build();
    }

    static List<io.veridb.protocol.immudb.Precondition> preconditions(List<Precondition> list) {
        List<io.veridb.protocol.immudb.Precondition> out = new ArrayList<>(list.size());
        for (Precondition p : list) {
            out.add(precondition(p));
        }
        return out;
    }
}
