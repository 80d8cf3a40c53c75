package io.veridb.kv;

import io.veridb.ledger.CorruptLogException;
import io.veridb.ledger.EntrySpec;
import io.veridb.ledger.KeyIndex;
import io.veridb.ledger.KeyVersion;
import io.veridb.ledger.Ledger;
import io.veridb.ledger.LedgerState;
import io.veridb.ledger.LimitExceededException;
import io.veridb.ledger.Tx;
import io.veridb.ledger.TxPreparer;
import io.veridb.proofs.DualProof;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.TxHeader;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;

/**
 * The only class that calls the {@link Ledger}: every call goes through here so that ledger failures become
 * {@link KvException}s with immudb's texts in one place. Thread-safe (the ledger is).
 */
final class LedgerAccess {

    private final Ledger ledger;
    private final Duration indexWait;

    LedgerAccess(Ledger ledger, Duration indexWait) {
        this.ledger = ledger;
        this.indexWait = indexWait;
    }

    long lastTxId() {
        return ledger.lastTxId();
    }

    KvState state() {
        LedgerState s = ledger.state();
        return new KvState(s.txId(), s.alh());
    }

    /** The header version this ledger writes (0: immudb 1.1 compatibility, no entry metadata allowed). */
    int headerVersion() {
        return ledger.options().headerVersion();
    }

    KeyIndex index() {
        return ledger.index();
    }

    /** Transaction {@code txId} with its raw entries; "tx not found" outside {@code 1..lastTxId}. */
    Tx tx(long txId) {
        requireTx(txId);
        try {
            return ledger.tx(txId);
        } catch (Exception e) {
            throw translate(e);
        }
    }

    /** The stored value of entry {@code entryIndex} of {@code txId}, hash-checked by the ledger. */
    byte[] value(long txId, int entryIndex) {
        try {
            return ledger.value(txId, entryIndex);
        } catch (Exception e) {
            throw translate(e);
        }
    }

    byte[] value(KeyVersion v) {
        return value(v.txId(), v.entryIndex());
    }

    DualProof dualProof(long sourceTxId, long targetTxId) {
        requireTx(sourceTxId);
        requireTx(targetTxId);
        try {
            return ledger.dualProof(sourceTxId, targetTxId);
        } catch (Exception e) {
            throw translate(e);
        }
    }

    InclusionProof entryInclusionProof(long txId, int entryIndex) {
        requireTx(txId);
        try {
            return ledger.entryInclusionProof(txId, entryIndex);
        } catch (Exception e) {
            throw translate(e);
        }
    }

    /**
     * Commits the entries {@code preparer} builds. The future completes on the ledger's writer thread once the
     * transaction is durable and indexed, or fails with the {@link KvException} of {@link #translate}.
     */
    CompletableFuture<TxHeader> commitAsync(TxPreparer preparer) {
        return translated(ledger.commit(preparer));
    }

    /**
     * Commits {@code entries} as they are: for writes that read no state, so their entries are hashed on the
     * caller's thread instead of on the writer thread, which is what limits throughput under load.
     */
    CompletableFuture<TxHeader> commitAsync(List<EntrySpec> entries) {
        return translated(ledger.commit(entries));
    }

    /** Waits for {@code future}; its failure is thrown as the {@link KvException} it carries. */
    static <T> T await(CompletableFuture<T> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KvErrors.internal("interrupted while waiting for commit", e);
        } catch (Exception e) {
            throw translate(e);
        }
    }

    private static <T> CompletableFuture<T> translated(CompletableFuture<T> ledgerFuture) {
        CompletableFuture<T> out = new CompletableFuture<>();
        ledgerFuture.whenComplete((v, e) -> {
            if (e == null) {
                out.complete(v);
            } else {
                out.completeExceptionally(translate(e));
            }
        });
        return out;
    }

    /**
     * Waits until the index reflects {@code txId}. "sinceTx" beyond the last committed transaction is refused
     * before waiting, as immudb does.
     */
    void awaitIndexed(long txId) {
        // The ledger publishes a transaction only once it is indexed, so a committed txId needs no wait; checking
        // first keeps the common case off the ledger's monitor (every Get with sinceTx passes here).
        if (txId <= 0 || txId <= ledger.lastTxId()) {
            return;
        }
        boolean reached;
        try {
            reached = ledger.awaitTx(txId, indexWait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw KvErrors.internal("interrupted while waiting for the index to reach tx " + txId, e);
        }
        if (!reached) {
            throw KvErrors.internal("index did not reach tx " + txId + " within " + indexWait, null);
        }
    }

    private void requireTx(long txId) {
        long last = ledger.lastTxId();
        if (txId < 1 || txId > last) {
            throw KvErrors.txNotFound(txId, last);
        }
    }

    /** Maps a ledger failure (possibly wrapped by a future) to a {@link KvException}. */
    static KvException translate(Throwable t) {
        Throwable e = t;
        while ((e instanceof ExecutionException || e instanceof CompletionException) && e.getCause() != null) {
            e = e.getCause();
        }
        if (e instanceof KvException k) {
            return k;
        }
        if (e instanceof KvRejection r) {
            return r.error();
        }
        if (e instanceof LimitExceededException l) {
            return limit(l);
        }
        if (e instanceof IllegalArgumentException) {
            return KvErrors.illegalArguments(String.valueOf(e.getMessage()));
        }
        if (e instanceof CorruptLogException c) {
            return KvErrors.corrupted(c.getMessage(), c);
        }
        return KvErrors.internal(String.valueOf(e.getMessage()), e);
    }

    private static KvException limit(LimitExceededException l) {
        String detail = l.what() + " is " + l.value() + ", limit " + l.limit();
        return switch (l.what()) {
            case "keyLength" -> KvErrors.limit(KvErrors.MAX_KEY_LENGTH, detail);
            case "valueLength", "txValueBytes" -> KvErrors.limit(KvErrors.MAX_VALUE_LENGTH, detail);
            case "entries" -> KvErrors.limit(KvErrors.MAX_TX_ENTRIES, detail);
            default -> KvErrors.limit(KvErrors.ILLEGAL_ARGUMENTS, l.getMessage());
        };
    }
}
