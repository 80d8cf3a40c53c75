package io.veridb.kv;

import io.veridb.ledger.Ledger;
import io.veridb.proofs.TxHeader;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The immudb key/value data model on one database's {@link Ledger} (protocol spec §2.7 and §3.1): plain keys,
 * delete markers, references, sorted sets, preconditions, scans, history, whole-transaction reads and the
 * verifiable forms. Keys and values in and out are user keys/values; the prefixes of §3.1 are added and removed
 * here.
 *
 * <p>Thread-safe: reads go to the committed ledger; every rule a write depends on (preconditions, reference and
 * sorted-set targets, delete targets) is checked on the ledger's writer thread against committed and same-batch
 * state, so it is atomic with the write. Each write returns once its transaction is durable and indexed.
 *
 * <p>Failures are {@link KvException}s whose message is immudb's text (§6). Writes have no {@code noWait}: the
 * ledger indexes synchronously, so a write is always visible to the next read, and immudb's "no wait operation
 * must be self-contained" restriction on ExecAll does not apply. Reads accept {@code noWait} for fidelity.
 */
public final class KvStore {

    private final LedgerAccess ledger;
    private final Writes writes;
    private final Reads reads;
    private final Scans scans;
    private final TxReads txReads;
    private final Verifiables verifiables;

    /** A store with {@link KvOptions#DEFAULTS}. */
    public KvStore(Ledger ledger) {
        this(ledger, KvOptions.DEFAULTS);
    }

    public KvStore(Ledger ledger, KvOptions options) {
        Objects.requireNonNull(ledger, "ledger");
        Objects.requireNonNull(options, "options");
        this.ledger = new LedgerAccess(ledger, options.indexWait());
        Resolver resolver = new Resolver(options.clock());
        int max = options.maxResultSize();
        this.writes = new Writes(this.ledger, resolver);
        this.reads = new Reads(this.ledger, resolver, max);
        this.scans = new Scans(this.ledger, resolver, reads, max);
        this.txReads = new TxReads(this.ledger, resolver, reads, max);
        this.verifiables = new Verifiables(this.ledger, reads, txReads);
    }

    // ------------------------------------------------------------------ writes

    /** Writes {@code kvs} in one transaction (Set), if every precondition holds. */
    public TxHeader set(List<KvWrite> kvs, List<Precondition> preconditions) {
        return LedgerAccess.await(setAsync(kvs, preconditions));
    }

    /**
     * {@link #set} without waiting. Like every {@code *Async} write: argument errors are thrown at once; rejections
     * that depend on state (preconditions, missing targets) and ledger failures fail the future with a
     * {@link KvException}; the future completes on the ledger's writer thread once the transaction is durable and
     * indexed, so callers should move any real work to their own executor.
     */
    public CompletableFuture<TxHeader> setAsync(List<KvWrite> kvs, List<Precondition> preconditions) {
        return writes.set(List.copyOf(kvs), List.copyOf(preconditions));
    }

    /** Writes a delete marker for each key (Delete); every key must exist. */
    public TxHeader delete(List<byte[]> keys, long sinceTx) {
        return LedgerAccess.await(deleteAsync(keys, sinceTx));
    }

    /** {@link #delete} without waiting; see {@link #setAsync}. */
    public CompletableFuture<TxHeader> deleteAsync(List<byte[]> keys, long sinceTx) {
        if (sinceTx > ledger.lastTxId()) {
            throw KvErrors.txNotFound(sinceTx, ledger.lastTxId());
        }
        return writes.delete(List.copyOf(keys));
    }

    /** Writes a reference (SetReference). */
    public TxHeader setReference(RefSpec ref, List<Precondition> preconditions) {
        return LedgerAccess.await(setReferenceAsync(ref, preconditions));
    }

    /** {@link #setReference} without waiting; see {@link #setAsync}. */
    public CompletableFuture<TxHeader> setReferenceAsync(RefSpec ref, List<Precondition> preconditions) {
        return writes.setReference(ref, List.copyOf(preconditions));
    }

    /** Adds a sorted-set member (ZAdd). */
    public TxHeader zAdd(ZAddSpec member) {
        return LedgerAccess.await(zAddAsync(member));
    }

    /** {@link #zAdd} without waiting; see {@link #setAsync}. */
    public CompletableFuture<TxHeader> zAddAsync(ZAddSpec member) {
        return writes.zAdd(member);
    }

    /** Writes all operations in one transaction (ExecAll). */
    public TxHeader execAll(List<Op> ops, List<Precondition> preconditions) {
        return LedgerAccess.await(execAllAsync(ops, preconditions));
    }

    /** {@link #execAll} without waiting; see {@link #setAsync}. */
    public CompletableFuture<TxHeader> execAllAsync(List<Op> ops, List<Precondition> preconditions) {
        return writes.execAll(List.copyOf(ops), List.copyOf(preconditions));
    }

    // ------------------------------------------------------------------ reads

    /** One key (Get): latest, at a transaction or at a revision; references resolved one level. */
    public KvEntry get(GetQuery query) {
        return reads.get(query);
    }

    /** The existing keys among {@code keys} (GetAll); missing, deleted and expired keys are skipped. */
    public List<KvEntry> getAll(List<byte[]> keys, long sinceTx) {
        return reads.getAll(List.copyOf(keys), sinceTx);
    }

    /** A key range (Scan). */
    public List<KvEntry> scan(ScanQuery query) {
        return scans.scan(query);
    }

    /** Number of visible keys under {@code prefix} (Count). */
    public long count(byte[] prefix) {
        return scans.count(prefix.clone());
    }

    /** Number of visible keys (CountAll). */
    public long countAll() {
        return scans.count(new byte[0]);
    }

    /** Every version of one key (History). */
    public List<KvEntry> history(HistoryQuery query) {
        return reads.history(query);
    }

    /** One sorted set (ZScan). */
    public List<ZEntry> zScan(ZScanQuery query) {
        return scans.zScan(query);
    }

    /** One transaction (TxById). */
    public TxView txById(TxQuery query) {
        return txReads.txById(query);
    }

    /** Consecutive transactions (TxScan). */
    public List<TxView> txScan(TxScanQuery query) {
        return txReads.txScan(query);
    }

    /** The last committed transaction and its Alh (CurrentState). */
    public KvState state() {
        return ledger.state();
    }

    // ------------------------------------------------------------------ verifiable forms

    /** VerifiableSet: "illegal state" when {@code proveSinceTx} is beyond the last transaction. */
    public VerifiableTx verifiableSet(List<KvWrite> kvs, List<Precondition> preconditions, long proveSinceTx) {
        return verifiables.afterWrite(proveSinceTx, KvErrors::illegalState, () -> set(kvs, preconditions));
    }

    /**
     * {@link #verifiableSet} without waiting: errors as {@link #setAsync}; the proof is built on {@code proofs}
     * (not on the ledger's writer thread, when the caller passes its own executor), and a proof failure fails the
     * future with a {@link KvException} wrapped in a {@link java.util.concurrent.CompletionException}.
     */
    public CompletableFuture<VerifiableTx> verifiableSetAsync(
            List<KvWrite> kvs, List<Precondition> preconditions, long proveSinceTx, Executor proofs) {
        return verifiables.afterWriteAsync(proveSinceTx, KvErrors::illegalState, () -> setAsync(kvs, preconditions),
                proofs);
    }

    /** VerifiableSetReference: "illegal arguments" when {@code proveSinceTx} is beyond the last transaction. */
    public VerifiableTx verifiableSetReference(RefSpec ref, List<Precondition> preconditions, long proveSinceTx) {
        return verifiables.afterWrite(proveSinceTx, KvErrors::illegalArguments,
                () -> setReference(ref, preconditions));
    }

    /** {@link #verifiableSetReference} without waiting; see {@link #verifiableSetAsync}. */
    public CompletableFuture<VerifiableTx> verifiableSetReferenceAsync(
            RefSpec ref, List<Precondition> preconditions, long proveSinceTx, Executor proofs) {
        return verifiables.afterWriteAsync(proveSinceTx, KvErrors::illegalArguments,
                () -> setReferenceAsync(ref, preconditions), proofs);
    }

    /** VerifiableZAdd: "illegal arguments" when {@code proveSinceTx} is beyond the last transaction. */
    public VerifiableTx verifiableZAdd(ZAddSpec member, long proveSinceTx) {
        return verifiables.afterWrite(proveSinceTx, KvErrors::illegalArguments, () -> zAdd(member));
    }

    /** {@link #verifiableZAdd} without waiting; see {@link #verifiableSetAsync}. */
    public CompletableFuture<VerifiableTx> verifiableZAddAsync(ZAddSpec member, long proveSinceTx, Executor proofs) {
        return verifiables.afterWriteAsync(proveSinceTx, KvErrors::illegalArguments, () -> zAddAsync(member), proofs);
    }

    /** VerifiableGet: "illegal state" when {@code proveSinceTx} is beyond the last transaction. */
    public VerifiableEntry verifiableGet(GetQuery query, long proveSinceTx) {
        return verifiables.get(query, proveSinceTx);
    }

    /** VerifiableTxById: "illegal state: latest txID=…" when {@code proveSinceTx} is beyond the last one. */
    public VerifiableTx verifiableTxById(TxQuery query, long proveSinceTx) {
        return verifiables.txById(query, proveSinceTx);
    }
}
