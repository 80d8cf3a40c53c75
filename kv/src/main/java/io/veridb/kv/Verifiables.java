package io.veridb.kv;

import io.veridb.ledger.Tx;
import io.veridb.ledger.TxEntry;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.TxHeader;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;

/**
 * The verifiable forms (protocol spec §3.8): the operation, then the transaction with raw entries and a dual proof
 * between the client's trusted transaction {@code p = proveSinceTx} and the transaction of interest {@code v}
 * (source = min, target = max; {@code p == 0} proves {@code v} against itself). Thread-safe.
 */
final class Verifiables {

    private final LedgerAccess ledger;
    private final Reads reads;
    private final TxReads txReads;

    Verifiables(LedgerAccess ledger, Reads reads, TxReads txReads) {
        this.ledger = ledger;
        this.reads = reads;
        this.txReads = txReads;
    }

    /**
     * Runs {@code write} and proves its transaction. A {@code proveSinceTx} beyond the last committed transaction
     * is refused before writing with exactly {@code tooNew}'s error.
     */
    VerifiableTx afterWrite(long proveSinceTx, Supplier<KvException> tooNew, Supplier<TxHeader> write) {
        if (proveSinceTx < 0 || proveSinceTx > ledger.lastTxId()) {
            throw tooNew.get();
        }
        TxHeader written = write.get();
        long n = written.id();
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
        Tx tx = ledger.tx(v);
        int index = indexOf(tx, KvEncoding.kvKey(userKey));
        InclusionProof inclusion = ledger.entryInclusionProof(v, index);
        TxView view = txReads.shape(tx, EntriesSpec.ALL_DIGESTS, true);
        return new VerifiableEntry(entry, new VerifiableTx(view, proof(proveSinceTx, v)), inclusion);
    }

    VerifiableTx txById(TxQuery q, long proveSinceTx) {
        long last = ledger.lastTxId();
        if (proveSinceTx < 0 || proveSinceTx > last) {
            throw KvErrors.unknown(KvErrors.ILLEGAL_STATE + ": latest txID=" + last
                    + " is lower than specified as initial tx=" + proveSinceTx);
        }
        TxView tx = txReads.txById(q);
        return new VerifiableTx(tx, proof(proveSinceTx, q.tx()));
    }

    /** Dual proof between {@code p} (0 = none) and {@code v}, oriented so that source ≤ target. */
    private DualProof proof(long p, long v) {
        if (p == 0) {
            return ledger.dualProof(v, v);
        }
        return p <= v ? ledger.dualProof(p, v) : ledger.dualProof(v, p);
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
