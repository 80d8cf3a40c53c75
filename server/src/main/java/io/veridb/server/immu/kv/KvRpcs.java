package io.veridb.server.immu.kv;

import io.veridb.kv.KvState;
import io.veridb.kv.KvStore;
import io.veridb.kv.VerifiableEntry;
import io.veridb.protocol.immudb.DeleteKeysRequest;
import io.veridb.protocol.immudb.Entries;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.EntryCount;
import io.veridb.protocol.immudb.ExecAllRequest;
import io.veridb.protocol.immudb.HistoryRequest;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.KeyListRequest;
import io.veridb.protocol.immudb.KeyPrefix;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.ReferenceRequest;
import io.veridb.protocol.immudb.ScanRequest;
import io.veridb.protocol.immudb.SetRequest;
import io.veridb.protocol.immudb.Signature;
import io.veridb.protocol.immudb.Tx;
import io.veridb.protocol.immudb.TxHeader;
import io.veridb.protocol.immudb.TxList;
import io.veridb.protocol.immudb.TxRequest;
import io.veridb.protocol.immudb.TxScanRequest;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableReferenceRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableTx;
import io.veridb.protocol.immudb.VerifiableTxRequest;
import io.veridb.protocol.immudb.VerifiableZAddRequest;
import io.veridb.protocol.immudb.ZAddRequest;
import io.veridb.protocol.immudb.ZEntries;
import io.veridb.protocol.immudb.ZScanRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;

/**
 * The unary immudb data RPCs of one database, request message in, reply message out (protocol spec §2.7, §3.8).
 * The server core's {@code ImmuService} resolves the caller's database and delegates here:
 * {@code new KvRpcs(store, db, signer).get(request)}. Cheap to construct; thread-safe.
 *
 * <p>Domain errors are thrown as {@link io.veridb.kv.KvException} carrying immudb's message and a gRPC-level
 * category; the server core maps them to a {@code Status}.
 */
public final class KvRpcs {

    private final KvStore store;
    private final String db;
    private final StateSigner signer;

    /**
     * @param store the database's store
     * @param db the database name as stored (lower case): it goes into {@code ImmutableState.db} and into every
     *     signed state
     * @param signer signs the reply states ({@link StateSigner#NONE} without a key)
     */
    public KvRpcs(KvStore store, String db, StateSigner signer) {
        this.store = Objects.requireNonNull(store, "store");
        this.db = Objects.requireNonNull(db, "db");
        this.signer = Objects.requireNonNull(signer, "signer");
    }

    public TxHeader set(SetRequest r) {
        return ToProto.header(store.set(FromProto.kvs(r.getKVsList()), FromProto.preconditions(r.getPreconditionsList())));
    }

    public Entry get(KeyRequest r) {
        return ToProto.entry(store.get(FromProto.get(r)));
    }

    public Entries getAll(KeyListRequest r) {
        List<byte[]> keys = new ArrayList<>(r.getKeysCount());
        r.getKeysList().forEach(k -> keys.add(k.toByteArray()));
        return entries(store.getAll(keys, FromProto.limit(r.getSinceTx())));
    }

    public TxHeader delete(DeleteKeysRequest r) {
        List<byte[]> keys = new ArrayList<>(r.getKeysCount());
        r.getKeysList().forEach(k -> keys.add(k.toByteArray()));
        return ToProto.header(store.delete(keys, FromProto.limit(r.getSinceTx())));
    }

    public TxHeader execAll(ExecAllRequest r) {
        return ToProto.header(store.execAll(FromProto.ops(r.getOperationsList()),
                FromProto.preconditions(r.getPreconditionsList())));
    }

    public Entries scan(ScanRequest r) {
        return entries(store.scan(FromProto.scan(r)));
    }

    public EntryCount count(KeyPrefix r) {
        return EntryCount.newBuilder().setCount(store.count(r.getPrefix().toByteArray())).build();
    }

    public EntryCount countAll() {
        return EntryCount.newBuilder().setCount(store.countAll()).build();
    }

    public Entries history(HistoryRequest r) {
        return entries(store.history(FromProto.history(r)));
    }

    public TxHeader setReference(ReferenceRequest r) {
        return ToProto.header(store.setReference(FromProto.ref(r), FromProto.preconditions(r.getPreconditionsList())));
    }

    public TxHeader zAdd(ZAddRequest r) {
        return ToProto.header(store.zAdd(FromProto.zAdd(r)));
    }

    public ZEntries zScan(ZScanRequest r) {
        ZEntries.Builder b = ZEntries.newBuilder();
        store.zScan(FromProto.zScan(r)).forEach(z -> b.addEntries(ToProto.zEntry(z)));
        return b.build();
    }

    public Tx txById(TxRequest r) {
        return ToProto.tx(store.txById(FromProto.tx(r)));
    }

    public TxList txScan(TxScanRequest r) {
        TxList.Builder b = TxList.newBuilder();
        store.txScan(FromProto.txScan(r)).forEach(t -> b.addTxs(ToProto.tx(t)));
        return b.build();
    }

    /** The last committed state, signed when the server has a key; {@code (0, H(""))} for an empty database. */
    public ImmutableState currentState() {
        KvState s = store.state();
        ImmutableState.Builder b = ImmutableState.newBuilder()
                .setDb(db)
                .setTxId(s.txId())
                .setTxHash(ToProto.bytes(s.alh()))
                .setPrecommittedTxId(s.txId())
                .setPrecommittedTxHash(ToProto.bytes(s.alh()));
        signer.sign(db, s.txId(), s.alh()).ifPresent(b::setSignature);
        return b.build();
    }

    public VerifiableTx verifiableSet(VerifiableSetRequest r) {
        SetRequest set = r.getSetRequest();
        return signed(store.verifiableSet(FromProto.kvs(set.getKVsList()),
                FromProto.preconditions(set.getPreconditionsList()), FromProto.limit(r.getProveSinceTx())));
    }

    public io.veridb.protocol.immudb.VerifiableEntry verifiableGet(VerifiableGetRequest r) {
        VerifiableEntry v = store.verifiableGet(FromProto.get(r.getKeyRequest()), FromProto.limit(r.getProveSinceTx()));
        return ToProto.verifiableEntry(v, sign(v.verifiableTx()));
    }

    public VerifiableTx verifiableSetReference(VerifiableReferenceRequest r) {
        ReferenceRequest ref = r.getReferenceRequest();
        return signed(store.verifiableSetReference(FromProto.ref(ref), FromProto.preconditions(ref.getPreconditionsList()),
                FromProto.limit(r.getProveSinceTx())));
    }

    public VerifiableTx verifiableZAdd(VerifiableZAddRequest r) {
        return signed(store.verifiableZAdd(FromProto.zAdd(r.getZAddRequest()), FromProto.limit(r.getProveSinceTx())));
    }

    public VerifiableTx verifiableTxById(VerifiableTxRequest r) {
        return signed(store.verifiableTxById(FromProto.tx(r), FromProto.limit(r.getProveSinceTx())));
    }

    // ------------------------------------------------------------------ writes without waiting
    // Each returns at once; the future completes on {@code replies} (the reply is built there, not on the ledger's
    // writer thread) or fails with the kv layer's exception, possibly on the writer thread. Argument errors throw.

    public CompletableFuture<TxHeader> setAsync(SetRequest r, Executor replies) {
        return store.setAsync(FromProto.kvs(r.getKVsList()), FromProto.preconditions(r.getPreconditionsList()))
                .thenApplyAsync(ToProto::header, replies);
    }

    public CompletableFuture<TxHeader> deleteAsync(DeleteKeysRequest r, Executor replies) {
        List<byte[]> keys = new ArrayList<>(r.getKeysCount());
        r.getKeysList().forEach(k -> keys.add(k.toByteArray()));
        return store.deleteAsync(keys, FromProto.limit(r.getSinceTx())).thenApplyAsync(ToProto::header, replies);
    }

    public CompletableFuture<TxHeader> execAllAsync(ExecAllRequest r, Executor replies) {
        return store.execAllAsync(FromProto.ops(r.getOperationsList()),
                        FromProto.preconditions(r.getPreconditionsList()))
                .thenApplyAsync(ToProto::header, replies);
    }

    public CompletableFuture<TxHeader> setReferenceAsync(ReferenceRequest r, Executor replies) {
        return store.setReferenceAsync(FromProto.ref(r), FromProto.preconditions(r.getPreconditionsList()))
                .thenApplyAsync(ToProto::header, replies);
    }

    public CompletableFuture<TxHeader> zAddAsync(ZAddRequest r, Executor replies) {
        return store.zAddAsync(FromProto.zAdd(r)).thenApplyAsync(ToProto::header, replies);
    }

    public CompletableFuture<VerifiableTx> verifiableSetAsync(VerifiableSetRequest r, Executor replies) {
        SetRequest set = r.getSetRequest();
        return store.verifiableSetAsync(FromProto.kvs(set.getKVsList()),
                        FromProto.preconditions(set.getPreconditionsList()), FromProto.limit(r.getProveSinceTx()),
                        replies)
                .thenApply(this::signed);
    }

    public CompletableFuture<VerifiableTx> verifiableSetReferenceAsync(
            VerifiableReferenceRequest r, Executor replies) {
        ReferenceRequest ref = r.getReferenceRequest();
        return store.verifiableSetReferenceAsync(FromProto.ref(ref),
                        FromProto.preconditions(ref.getPreconditionsList()), FromProto.limit(r.getProveSinceTx()),
                        replies)
                .thenApply(this::signed);
    }

    public CompletableFuture<VerifiableTx> verifiableZAddAsync(VerifiableZAddRequest r, Executor replies) {
        return store.verifiableZAddAsync(FromProto.zAdd(r.getZAddRequest()), FromProto.limit(r.getProveSinceTx()),
                        replies)
                .thenApply(this::signed);
    }

    VerifiableTx signed(io.veridb.kv.VerifiableTx v) {
        return ToProto.verifiableTx(v, sign(v));
    }

    Optional<Signature> sign(io.veridb.kv.VerifiableTx v) {
        return signer.sign(db, v.targetTxId(), v.targetAlh());
    }

    private static Entries entries(List<io.veridb.kv.KvEntry> list) {
        Entries.Builder b = Entries.newBuilder();
        list.forEach(e -> b.addEntries(ToProto.entry(e)));
        return b.build();
    }
}
