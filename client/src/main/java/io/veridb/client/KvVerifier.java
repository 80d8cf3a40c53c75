package io.veridb.client;

import io.veridb.proofs.DualProof;
import io.veridb.proofs.DualProofs;
import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.EntryDigest;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.StateSignatures;
import io.veridb.proofs.TxHeader;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.Tx;
import io.veridb.protocol.immudb.VerifiableEntry;
import io.veridb.protocol.immudb.VerifiableTx;
import java.security.PublicKey;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The client-side checks of protocol spec §3.9, as pure functions from (trusted state, server answer, what was
 * asked) to (value, next trusted state). Every failure throws {@link VerificationException} naming the check,
 * the expected and the calculated value; nothing here touches the network or the state store.
 *
 * <p>Orientation of the dual proof: with trusted state {@code s} and the answer's transaction {@code v}, the
 * proof runs {@code s → v} when {@code s ≤ v} (the state moves forward to {@code v}) and {@code v → s}
 * otherwise (the state stays). With {@code s = 0} (a fresh client on this database) there is nothing to be
 * consistent with and the dual proof is skipped, as in every immudb SDK: the first answer is trusted on first
 * use.
 */
final class KvVerifier {

    private KvVerifier() {}

    /** A verified value and the trusted state after it. */
    record Verified<T>(T value, DatabaseState state) {
        Verified {
            Objects.requireNonNull(value, "value");
            Objects.requireNonNull(state, "state");
        }
    }

    /**
     * The single entry a verified write asked for, exactly as stored.
     *
     * @param storedKey key with its data-model prefix
     * @param metadata the entry metadata requested
     * @param storedValue value with its data-model prefix
     */
    record ExpectedEntry(byte[] storedKey, KvMetadata metadata, byte[] storedValue) {
        ExpectedEntry {
            storedKey = storedKey.clone();
            Objects.requireNonNull(metadata, "metadata");
            storedValue = storedValue.clone();
        }

        @Override
        public byte[] storedKey() {
            return storedKey.clone();
        }

        @Override
        public byte[] storedValue() {
            return storedValue.clone();
        }
    }

    /**
     * Checks the answer to VerifiableSet, VerifiableSetReference or VerifiableZAdd: the new transaction holds
     * exactly the expected entry, its eH covers the entry digest, it extends the trusted state, and (with a
     * public key) the server signed the new state.
     *
     * @return the new transaction's header and the new trusted state (that transaction)
     */
    static Verified<TxHeader> verifyWrite(
            String op, DatabaseState state, VerifiableTx vtx, ExpectedEntry expected, PublicKey key) {
        if (!vtx.hasTx() || !vtx.getTx().hasHeader() || !vtx.hasDualProof()) {
            throw new VerificationException(op + ": answer has tx header and dual proof", "present",
                    "tx=" + vtx.hasTx() + " dualProof=" + vtx.hasDualProof());
        }
        TxRecord tx = Protos.tx(vtx.getTx());
        TxHeader header = tx.header();
        if (header.nentries() != 1 || tx.entries().size() != 1) {
            throw new VerificationException(op + ": entries in tx " + header.id(), "1",
                    "nentries=" + header.nentries() + " entries=" + tx.entries().size());
        }
        TxEntryRecord got = tx.entries().get(0);
        byte[] hValue = Hashes.sha256(expected.storedValue());
        requireEqual(op + ": tx entry key", expected.storedKey(), got.key());
        requireEqual(op + ": tx entry hValue", hValue, got.hValue());
        requireEqual(op + ": tx entry vLen", expected.storedValue().length, got.vLen());
        if (!expected.metadata().equals(got.metadata())) {
            throw new VerificationException(op + ": tx entry metadata", expected.metadata().toString(),
                    got.metadata().toString());
        }
        byte[] digest = digest(op, header.version(), expected.storedKey(), expected.metadata(), hValue);
        VerificationException.require(op, EntriesTree.verify(EntriesTree.proof(List.of(digest), 0), digest,
                header.eH()));
        DualProof dual = Protos.dualProof(vtx.getDualProof());
        requireEqualHeaders(op + ": dual proof target header", header, dual.target());
        if (header.id() <= state.txId()) {
            throw new VerificationException(op + ": new tx id", "> trusted txId " + state.txId(),
                    Long.toString(header.id()));
        }
        if (state.txId() > 0) {
            VerificationException.require(op, DualProofs.verify(dual, state.txId(), header.id(), state.alh(),
                    header.alh()));
        }
        DatabaseState next = signedState(op, state.database(), header.id(), header.alh(), vtx, key);
        return new Verified<>(header, next);
    }

    /**
     * Checks the answer to VerifiableGet for {@code requestedKey} (spec §3.9 verifiedGet).
     *
     * @param atTx the atTx the caller asked for, 0 if none
     */
    static Verified<KvEntry> verifyEntry(
            DatabaseState state, VerifiableEntry ve, byte[] requestedKey, long atTx, PublicKey key) {
        String op = "verifiedGet";
        if (!ve.hasEntry() || !ve.hasVerifiableTx() || !ve.hasInclusionProof()) {
            throw new VerificationException(op + ": answer has entry, verifiable tx and inclusion proof", "present",
                    "entry=" + ve.hasEntry() + " verifiableTx=" + ve.hasVerifiableTx() + " inclusionProof="
                            + ve.hasInclusionProof());
        }
        Entry e = ve.getEntry();
        boolean isRef = e.hasReferencedBy();
        KvEntry entry = Protos.entry(e);
        byte[] returnedKey = isRef ? e.getReferencedBy().getKey().toByteArray() : e.getKey().toByteArray();
        requireEqual(op + ": returned key", requestedKey, returnedKey);
        KvMetadata md = isRef ? entry.referencedBy().orElseThrow().metadata() : entry.metadata();
        if (md.deleted() || entry.metadata().deleted()) {
            throw new VerificationException(op + ": entry not deleted", "live entry", "deleted " + md);
        }
        long v = isRef ? e.getReferencedBy().getTx() : e.getTx();
        if (atTx > 0 && v != atTx) {
            throw new VerificationException(op + ": entry tx for atTx", Long.toString(atTx), Long.toString(v));
        }
        byte[] storedValue = isRef
                ? Keys.referenceValue(e.getKey().toByteArray(), e.getReferencedBy().getAtTx())
                : Keys.plainValue(e.getValue().toByteArray());
        TxHeader txHeader = requireTxHeader(op, ve.getVerifiableTx(), v);
        byte[] digest = digest(op, txHeader.version(), Keys.plainKey(requestedKey), md, Hashes.sha256(storedValue));
        DualProof dual = Protos.dualProof(ve.getVerifiableTx().getDualProof());
        TxHeader proven = state.txId() <= v ? dual.target() : dual.source();
        requireEqualHeaders(op + ": dual proof header of tx " + v, txHeader, proven);
        InclusionProof inclusion = Protos.inclusionProof(ve.getInclusionProof());
        VerificationException.require(op, EntriesTree.verify(inclusion, digest, proven.eH()));
        DatabaseState next = consistent(op, state, dual, v, ve.getVerifiableTx(), key);
        return new Verified<>(entry, next);
    }

    /** Checks the answer to VerifiableTxById read without a spec (every raw entry, no values). */
    static Verified<TxRecord> verifyTx(DatabaseState state, VerifiableTx vtx, long txId, PublicKey key) {
        return verifyTx(state, vtx, txId, EntriesSpec.DIGESTS, () -> {
            throw new IllegalStateException("a read without a spec returns every raw entry");
        }, key);
    }

    /**
     * Checks the answer to VerifiableTxById read with {@code spec}: the header is tx {@code txId}, the tx's raw
     * entries rebuild its eH, the returned raw entries are those entries (in order) of the kinds {@code spec}
     * asked for (under {@code RAW_VALUE} an entry with an expiration may be left out), every returned value is
     * {@code vLen} bytes long and hashes to its {@code hValue}, and the dual proof links the tx with the trusted
     * state.
     *
     * @param spec the spec of the read; must not {@code RESOLVE} (resolved entries may come from other
     *     transactions, so no proof of this one covers them)
     * @param allDigests fetches the tx read without a spec (every raw entry); called only when the answer holds
     *     fewer raw entries than the header counts
     * @throws IllegalArgumentException if {@code spec} resolves
     */
    static Verified<TxRecord> verifyTx(DatabaseState state, VerifiableTx vtx, long txId, EntriesSpec spec,
            Supplier<Tx> allDigests, PublicKey key) {
        if (spec.resolves()) {
            throw new IllegalArgumentException("verifiedTxById cannot prove RESOLVE entries: spec=" + spec);
        }
        String op = "verifiedTxById";
        TxHeader header = requireTxHeader(op, vtx, txId);
        TxRecord tx = Protos.tx(vtx.getTx(), spec);
        if (!tx.kvEntries().isEmpty() || !tx.zEntries().isEmpty()) {
            throw new VerificationException(op + ": resolved entries of tx " + txId, "none (nothing resolved)",
                    tx.kvEntries().size() + " kv, " + tx.zEntries().size() + " sorted set");
        }
        List<TxEntryRecord> all = allRawEntries(op, header, tx.entries(), spec, allDigests);
        List<byte[]> digests = new ArrayList<>(all.size());
        for (TxEntryRecord te : all) {
            digests.add(digest(op, header.version(), te.key(), te.metadata(), te.hValue()));
        }
        requireEqual(op + ": eH rebuilt from raw entries of tx " + txId, header.eH(), EntriesTree.root(digests));
        checkReturnedEntries(op, txId, spec, tx.entries(), all);
        DualProof dual = Protos.dualProof(vtx.getDualProof());
        requireEqualHeaders(op + ": dual proof header of tx " + txId, header,
                state.txId() <= txId ? dual.target() : dual.source());
        DatabaseState next = consistent(op, state, dual, txId, vtx, key);
        return new Verified<>(tx, next);
    }

    /** Every raw entry of the tx: the returned ones if they are all, else those of a read without a spec. */
    private static List<TxEntryRecord> allRawEntries(String op, TxHeader header, List<TxEntryRecord> returned,
            EntriesSpec spec, Supplier<Tx> allDigests) {
        List<TxEntryRecord> all = returned;
        if (returned.size() != header.nentries() && !spec.equals(EntriesSpec.DIGESTS)) {
            TxRecord full = Protos.tx(allDigests.get());
            requireEqualHeaders(op + ": header of tx " + header.id() + " read without a spec", header,
                    full.header());
            all = full.entries();
        }
        if (all.size() != header.nentries()) {
            throw new VerificationException(op + ": raw entries of tx " + header.id(),
                    Integer.toString(header.nentries()), Integer.toString(all.size()));
        }
        return all;
    }

    /**
     * Walks the tx's raw entries {@code all} and the {@code returned} ones together: each returned entry must be
     * the next entry of its kind, each entry the spec keeps must have been returned, and each value must match.
     */
    private static void checkReturnedEntries(String op, long txId, EntriesSpec spec, List<TxEntryRecord> returned,
            List<TxEntryRecord> all) {
        int next = 0;
        for (TxEntryRecord e : all) {
            EntriesSpec.Action action = spec.actionFor(e.key());
            TxEntryRecord got = next < returned.size() ? returned.get(next) : null;
            String what = "entry " + Bytes.brief(e.key()) + " of tx " + txId;
            if (got != null && got.withoutValue().equals(e.withoutValue())) {
                if (action == EntriesSpec.Action.EXCLUDE) {
                    throw new VerificationException(op + ": " + what, "left out (EXCLUDE)", "returned");
                }
                next++;
                got.value().ifPresent(v -> checkValue(op, what, e, v));
                continue;
            }
            boolean mayBeLeftOut = action == EntriesSpec.Action.EXCLUDE
                    || (action == EntriesSpec.Action.RAW_VALUE && e.metadata().expiresAt().isPresent());
            if (!mayBeLeftOut) {
                throw new VerificationException(op + ": " + what, "returned (" + action + ")",
                        got == null ? "missing" : "missing, got entry " + Bytes.brief(got.key()));
            }
        }
        if (next < returned.size()) {
            throw new VerificationException(op + ": returned entry " + Bytes.brief(returned.get(next).key())
                    + " of tx " + txId, "one of its " + all.size() + " raw entries, in order", "not found");
        }
    }

    private static void checkValue(String op, String what, TxEntryRecord e, byte[] value) {
        requireEqual(op + ": length of the value of " + what, e.vLen(), value.length);
        requireEqual(op + ": SHA-256 of the value of " + what, e.hValue(), Hashes.sha256(value));
    }

    /** Checks the server's signature of a state it claims (CurrentState). */
    static void verifyStateSignature(String op, DatabaseState claimed, PublicKey key) {
        if (claimed.signature().length == 0) {
            throw new VerificationException(op + ": state signature", "a signature (a server key is configured)",
                    "none");
        }
        VerificationException.require(op, StateSignatures.verify(key, claimed.database(), claimed.txId(),
                claimed.alh(), claimed.signature()));
    }

    /** Dual proof between the trusted state and tx {@code v}, then the next state (the later of the two). */
    private static DatabaseState consistent(
            String op, DatabaseState state, DualProof dual, long v, VerifiableTx vtx, PublicKey key) {
        long s = state.txId();
        if (s == 0) {
            return signedState(op, state.database(), v, dual.target().alh(), vtx, key);
        }
        if (s <= v) {
            VerificationException.require(op, DualProofs.verify(dual, s, v, state.alh(), dual.target().alh()));
            return signedState(op, state.database(), v, dual.target().alh(), vtx, key);
        }
        VerificationException.require(op, DualProofs.verify(dual, v, s, dual.source().alh(), state.alh()));
        signedState(op, state.database(), s, state.alh(), vtx, key);
        return state;
    }

    private static DatabaseState signedState(
            String op, String db, long txId, byte[] alh, VerifiableTx vtx, PublicKey key) {
        byte[] sig = vtx.hasSignature() ? vtx.getSignature().getSignature().toByteArray() : Bytes.EMPTY;
        DatabaseState next = new DatabaseState(db, txId, alh, sig);
        if (key != null) {
            verifyStateSignature(op, next, key);
        }
        return next;
    }

    private static TxHeader requireTxHeader(String op, VerifiableTx vtx, long txId) {
        if (!vtx.hasTx() || !vtx.getTx().hasHeader() || !vtx.hasDualProof()) {
            throw new VerificationException(op + ": answer has tx header and dual proof", "present",
                    "tx=" + vtx.hasTx() + " dualProof=" + vtx.hasDualProof());
        }
        TxHeader header = Protos.header(vtx.getTx().getHeader());
        if (header.id() != txId) {
            throw new VerificationException(op + ": tx header id", Long.toString(txId), Long.toString(header.id()));
        }
        return header;
    }

    private static byte[] digest(String op, int version, byte[] storedKey, KvMetadata md, byte[] hValue) {
        try {
            return EntryDigest.of(version, storedKey, md, hValue);
        } catch (IllegalArgumentException e) {
            throw new VerificationException(op + ": entry digest", "computable digest", e.getMessage());
        }
    }

    private static void requireEqualHeaders(String check, TxHeader expected, TxHeader got) {
        if (!expected.equals(got)) {
            throw new VerificationException(check, expected.toString(), got.toString());
        }
    }

    private static void requireEqual(String check, byte[] expected, byte[] got) {
        if (!Arrays.equals(expected, got)) {
            throw new VerificationException(check, Bytes.brief(expected), Bytes.brief(got));
        }
    }

    private static void requireEqual(String check, long expected, long got) {
        if (expected != got) {
            throw new VerificationException(check, Long.toString(expected), Long.toString(got));
        }
    }
}
