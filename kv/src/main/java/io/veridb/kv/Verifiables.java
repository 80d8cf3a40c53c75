package io.veridb.kv;

import io.veridb.ledger.Tx;
import io.veridb.ledger.TxEntry;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.TxHeader;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.Supplier;

/**
 * The verifiable forms (protocol spec §3.8): the operation, then the transaction with raw entries and a dual proof
 * between the client's trusted transaction {@code p = proveSinceTx} and the transaction of interest {@code v}
 * (source = min, target = max; {@code p == 0} proves {@code v} against itself). Thread-safe.
 */
final class Verifiables {

    /** A committed transaction with its reply shape (every entry as a digest), read once. */
    private record ShapedTx(Tx tx, TxView view) {}

    private record EntryRef(long txId, int index) {}

    private record TxPair(long source, long target) {}

    private final LedgerAccess ledger;
    private final Reads reads;
    private final TxReads txReads;
    // VerifiableGet reads the same few recent transactions and proves them against the same few client states
    // over and over; each of these is immutable once committed, so caching costs no invalidation. Sizes bound the
    // memory: a transaction holds at most maxTxEntries (1024) entries of about 100 bytes each.
    private final ProofCache<Long, ShapedTx> txs = new ProofCache<>(128);
    private final ProofCache<EntryRef, InclusionProof> inclusions = new ProofCache<>(16_384);
    private final ProofCache<TxPair, DualProof> dualProofs = new ProofCache<>(4_096);

    Verifiables(LedgerAccess ledger, Reads reads, TxReads txReads) {
        this.ledger = ledger;
        this.reads = reads;
        this.txReads = txReads;
    }

    /**
     * Runs {@code write} and proves its transaction on {@code proofs}. A {@code proveSinceTx} beyond the last
     * committed transaction is refused (thrown) before writing with exactly {@code tooNew}'s error.
     */
    CompletableFuture<VerifiableTx> afterWriteAsync(long proveSinceTx, Supplier<KvException> tooNew,
            Supplier<CompletableFuture<TxHeader>> write, Executor proofs) {
        requireCommitted(proveSinceTx, tooNew);
        return write.get().thenApplyAsync(written -> proveWritten(written.id(), proveSinceTx), proofs);
    }

    /** {@link #afterWriteAsync} on the caller's thread, for a blocking write. */
    VerifiableTx afterWrite(long proveSinceTx, Supplier<KvException> tooNew, Supplier<TxHeader> write) {
        requireCommitted(proveSinceTx, tooNew);
        return proveWritten(write.get().id(), proveSinceTx);
    }

    private void requireCommitted(long proveSinceTx, Supplier<KvException> tooNew) {
        if (proveSinceTx < 0 || proveSinceTx > ledger.lastTxId()) {
            throw tooNew.get();
        }
    }

    private VerifiableTx proveWritten(long n, long proveSinceTx) {
        TxView tx = txReads.shape(ledger.tx(n), EntriesSpec.ALL_DIGESTS, true);
        return new VerifiableTx(tx, proof(proveSinceTx, n));
    }

    VerifiableEntry get(GetQuery q, long proveSinceTx) {
        if (proveSinceTx < 0 || proveSinceTx > ledger.lastTxId()) {
            throw KvErrors.illegalState();
        }
        KvEntry entry = reads.get(q);
        long v = entry.referencedBy().map(KvRef::tx).orElse(entry.tx());
        byte[] userKey = entry.referencedBy().map(KvRef::key).orElse(entry.key());
        ShapedTx shaped = txs.get(v, id -> {
            Tx tx = ledger.tx(id);
            return new ShapedTx(tx, txReads.shape(tx, EntriesSpec.ALL_DIGESTS, true));
        });
        int index = indexOf(shaped.tx(), KvEncoding.kvKey(userKey));
        InclusionProof inclusion = inclusions.get(new EntryRef(v, index),
                e -> ledger.entryInclusionProof(e.txId(), e.index()));
        return new VerifiableEntry(entry, new VerifiableTx(shaped.view(), cachedProof(proveSinceTx, v)), inclusion);
    }

    VerifiableTx txById(TxQuery q, long proveSinceTx) {
        long last = ledger.lastTxId();
        if (proveSinceTx < 0 || proveSinceTx > last) {
            throw KvErrors.unknown(KvErrors.ILLEGAL_STATE + ": latest txID=" + last
                    + " is lower than specified as initial tx=" + proveSinceTx);
        }
        TxView tx = txReads.txById(q);
        return new VerifiableTx(tx, cachedProof(proveSinceTx, q.tx()));
    }

    /** Dual proof between {@code p} (0 = none) and {@code v}, oriented so that source ≤ target. */
    private DualProof proof(long p, long v) {
        TxPair pair = pair(p, v);
        return ledger.dualProof(pair.source(), pair.target());
    }

    /** {@link #proof}, kept for reads: they ask for the same pairs again, while each write asks for a new one. */
    private DualProof cachedProof(long p, long v) {
        return dualProofs.get(pair(p, v), x -> ledger.dualProof(x.source(), x.target()));
    }

    private static TxPair pair(long p, long v) {
        return p == 0 ? new TxPair(v, v) : p <= v ? new TxPair(p, v) : new TxPair(v, p);
    }

    private static int indexOf(Tx tx, byte[] storedKey) {
        List<TxEntry> entries = tx.entries();
        for (int i = 0; i < entries.size(); i++) {
            if (Arrays.equals(entries.get(i).key(), storedKey)) {
                return i;
            }
        }
        throw KvErrors.internal("entry missing from its own transaction: tx=" + tx.header().id(), null);
    }
}
