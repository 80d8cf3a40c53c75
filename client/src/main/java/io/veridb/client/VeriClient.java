package io.veridb.client;

import com.google.protobuf.Empty;
import io.grpc.ManagedChannel;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import io.veridb.protocol.immudb.Database;
import io.veridb.protocol.immudb.DeleteKeysRequest;
import io.veridb.protocol.immudb.ExecAllRequest;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.KeyListRequest;
import io.veridb.protocol.immudb.KeyPrefix;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.ServerInfoRequest;
import io.veridb.protocol.immudb.ServerInfoResponse;
import io.veridb.protocol.immudb.SetRequest;
import io.veridb.protocol.immudb.TxRequest;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableReferenceRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableTx;
import io.veridb.protocol.immudb.VerifiableTxRequest;
import io.veridb.protocol.immudb.VerifiableZAddRequest;
import java.nio.charset.StandardCharsets;
import java.security.PublicKey;
import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A session with a VeriDB (or immudb 1.5–1.11) server over {@code immudb.schema.ImmuService}.
 *
 * <p>Plain calls return what the server says. {@code verified*} calls check the server's proofs against the
 * trusted state of the session's database (spec §3.9) and move that state forward only when every check
 * passes; a failed check throws {@link VerificationException} and leaves the state unchanged. Trusted states are
 * kept per (server UUID, database) in the configured {@link StateStore}, and the server UUID is pinned per
 * address: a different server at the same address is refused with {@link ServerIdentityException}.
 *
 * <p>Thread-safe; verified calls are serialised so that every proof starts from the latest trusted state.
 * Build with {@link #builder()}; close to end the session.
 */
public final class VeriClient implements AutoCloseable {

    /** Largest page the server returns (Scan, ZScan, History, TxScan). */
    public static final int MAX_PAGE_SIZE = 2500;

    private static final Logger LOG = LoggerFactory.getLogger(VeriClient.class);

    private final ManagedChannel channel;
    private final String address;
    private final ImmuRpc rpc;
    private final Session session;
    private final StateStore store;
    private final PublicKey serverKey;
    private final ReentrantLock verifyLock = new ReentrantLock();
    private final Reads reads;
    private final Streams streams;
    private volatile String database;

    private VeriClient(ManagedChannel channel, String address, ImmuRpc rpc, Session session, StateStore store,
            PublicKey serverKey, String database) {
        this.channel = channel;
        this.address = address;
        this.rpc = rpc;
        this.session = session;
        this.store = store;
        this.serverKey = serverKey;
        this.database = database;
        this.reads = new Reads(rpc);
        this.streams = new Streams(rpc, ChunkCodec.DEFAULT_CHUNK_SIZE);
    }

    /** A builder with the defaults described in {@link VeriClientBuilder}. */
    public static VeriClientBuilder builder() {
        return new VeriClientBuilder();
    }

    static VeriClient connect(ManagedChannel channel, String address, String user, byte[] password,
            String database, StateStore store, PublicKey serverKey, Duration keepAlive, Duration timeout) {
        ImmuRpc rpc = new ImmuRpc(address, channel, timeout);
        Session session = null;
        try {
            session = Session.open(rpc, address, user, password, database, keepAlive);
            String uuid = session.serverUuid();
            String pinned = store.pinnedIdentity(address).orElse(null);
            if (pinned != null && !pinned.equals(uuid)) {
                throw new ServerIdentityException(address, pinned, uuid);
            }
            if (pinned == null) {
                store.pin(address, uuid);
                LOG.info("pinned server {} for address {}", uuid, address);
            }
            rpc.expectServer(uuid);
            return new VeriClient(channel, address, rpc, session, store, serverKey, database);
        } catch (RuntimeException e) {
            if (session != null) {
                session.close();
            }
            shutdown(channel);
            throw e;
        } finally {
            Arrays.fill(password, (byte) 0);
        }
    }

    // ------------------------------------------------------------------ identity and state

    /** The server's UUID (pinned for {@link #address()}). */
    public String serverUuid() {
        return session.serverUuid();
    }

    /** The address the client connected to. */
    public String address() {
        return address;
    }

    /** The session's database. */
    public String database() {
        return database;
    }

    /** Administration calls (databases, users). */
    public AdminClient admin() {
        return new AdminClient(rpc);
    }

    /**
     * The server's current state of the session's database ({@code CurrentState}); its signature is checked
     * when a server key is configured. This does not change the trusted state.
     */
    public DatabaseState currentState() {
        ImmutableState s = rpc.call("CurrentState", st -> st.currentState(Empty.getDefaultInstance()));
        String db = database;
        if (!db.equals(s.getDb())) {
            throw new VerificationException("CurrentState: database", db, s.getDb());
        }
        byte[] alh = s.getTxHash().toByteArray();
        if (alh.length != Hashes.SIZE || (s.getTxId() == 0 && !Arrays.equals(alh, Hashes.EMPTY))) {
            throw new VerificationException("CurrentState: txHash of tx " + s.getTxId(),
                    s.getTxId() == 0 ? Bytes.hex(Hashes.EMPTY) : "32 bytes", Bytes.brief(alh));
        }
        DatabaseState state = new DatabaseState(s.getDb(), s.getTxId(), alh,
                s.hasSignature() ? s.getSignature().getSignature().toByteArray() : Bytes.EMPTY);
        if (serverKey != null) {
            KvVerifier.verifyStateSignature("CurrentState", state, serverKey);
        }
        return state;
    }

    /**
     * The trusted state of the session's database: the stored one, or on first use the server's current state
     * (trust on first use), which is then stored.
     */
    public DatabaseState trustedState() {
        verifyLock.lock();
        try {
            return trusted();
        } finally {
            verifyLock.unlock();
        }
    }

    private DatabaseState trusted() {
        String db = database;
        return store.load(serverUuid(), db).orElseGet(() -> {
            DatabaseState first = currentState();
            store.save(serverUuid(), first);
            LOG.info("trusting first state {} of server {}", first, serverUuid());
            return first;
        });
    }

    private void advance(DatabaseState from, DatabaseState next) {
        if (next.txId() < from.txId()) {
            throw new IllegalStateException("trusted state would move back from " + from.txId() + " to "
                    + next.txId());
        }
        if (!next.equals(from)) {
            store.save(serverUuid(), next);
        }
    }

    /** Switches the session to {@code name}; later calls (and the trusted state used) are that database's. */
    public void useDatabase(String name) {
        String db = name.toLowerCase(Locale.ROOT);
        rpc.call("UseDatabase", s -> s.useDatabase(Database.newBuilder().setDatabaseName(db).build()));
        database = db;
    }

    /** {@code Health}: whether the server is up, and its version. */
    public HealthStatus health() {
        var h = rpc.call("Health", s -> s.health(Empty.getDefaultInstance()));
        return new HealthStatus(h.getStatus(), h.getVersion());
    }

    /** {@code ServerInfo}. */
    public ServerInfo serverInfo() {
        ServerInfoResponse r = rpc.call("ServerInfo", s -> s.serverInfo(ServerInfoRequest.getDefaultInstance()));
        return new ServerInfo(r.getVersion(), r.getStartedAt(), r.getNumTransactions(), r.getNumDatabases(),
                r.getDatabasesDiskSize());
    }

    // ------------------------------------------------------------------ writes

    /** Writes one pair in a new transaction. */
    public TxHeader set(byte[] key, byte[] value) {
        return setAll(List.of(KvWrite.of(key, value)), List.of());
    }

    /** Writes one pair of UTF-8 strings in a new transaction. */
    public TxHeader set(String key, String value) {
        return set(utf8(key), utf8(value));
    }

    /** Writes all pairs in one transaction (keys must be distinct). */
    public TxHeader setAll(List<KvWrite> writes) {
        return setAll(writes, List.of());
    }

    /** Writes all pairs in one transaction if every precondition holds. */
    public TxHeader setAll(List<KvWrite> writes, List<Precondition> preconditions) {
        SetRequest.Builder b = SetRequest.newBuilder().addAllPreconditions(Protos.preconditions(preconditions));
        writes.forEach(w -> b.addKVs(Protos.keyValue(w)));
        return Protos.header(rpc.call("Set", s -> s.set(b.build())));
    }

    /** Logically deletes keys (one delete marker each) in one transaction. */
    public TxHeader delete(byte[]... keys) {
        DeleteKeysRequest.Builder b = DeleteKeysRequest.newBuilder();
        for (byte[] k : keys) {
            b.addKeys(Protos.bytes(k));
        }
        return Protos.header(rpc.call("Delete", s -> s.delete(b.build())));
    }

    /** Runs all operations in one transaction if every precondition holds. */
    public TxHeader execAll(List<Op> ops, List<Precondition> preconditions) {
        ExecAllRequest.Builder b = ExecAllRequest.newBuilder().addAllPreconditions(Protos.preconditions(preconditions));
        ops.forEach(op -> b.addOperations(Protos.op(op)));
        return Protos.header(rpc.call("ExecAll", s -> s.execAll(b.build())));
    }

    /** Makes {@code key} a reference to the latest value of {@code referencedKey}. */
    public TxHeader setReference(byte[] key, byte[] referencedKey) {
        return setReference(key, referencedKey, 0);
    }

    /** Makes {@code key} a reference to {@code referencedKey} as of {@code atTx} (0 = latest value). */
    public TxHeader setReference(byte[] key, byte[] referencedKey, long atTx) {
        return Protos.header(rpc.call("SetReference",
                s -> s.setReference(Protos.reference(key, referencedKey, atTx))));
    }

    /** Adds {@code key} with {@code score} to sorted set {@code set}, following the key's latest value. */
    public TxHeader zAdd(byte[] set, double score, byte[] key) {
        return zAdd(set, score, key, 0);
    }

    /** Adds {@code key} as of {@code atTx} (0 = latest value) with {@code score} to sorted set {@code set}. */
    public TxHeader zAdd(byte[] set, double score, byte[] key, long atTx) {
        return Protos.header(rpc.call("ZAdd", s -> s.zAdd(Protos.zAdd(set, score, key, atTx))));
    }

    // ------------------------------------------------------------------ reads

    /** The latest value of {@code key}; {@link KeyNotFoundException} if absent or deleted. */
    public KvEntry get(byte[] key) {
        return get(KeyRequest.newBuilder().setKey(Protos.bytes(key)).build());
    }

    /** The latest value of a UTF-8 key. */
    public KvEntry get(String key) {
        return get(utf8(key));
    }

    /** The value of {@code key} written in transaction {@code atTx}. */
    public KvEntry getAtTx(byte[] key, long atTx) {
        return get(KeyRequest.newBuilder().setKey(Protos.bytes(key)).setAtTx(atTx).build());
    }

    /** The latest value once the index covers transaction {@code sinceTx}. */
    public KvEntry getSinceTx(byte[] key, long sinceTx) {
        return get(KeyRequest.newBuilder().setKey(Protos.bytes(key)).setSinceTx(sinceTx).build());
    }

    /** Version {@code revision} of {@code key} (1 = first; −1 = the one before the latest). */
    public KvEntry getAtRevision(byte[] key, long revision) {
        return get(KeyRequest.newBuilder().setKey(Protos.bytes(key)).setAtRevision(revision).build());
    }

    private KvEntry get(KeyRequest r) {
        return Protos.entry(rpc.call("Get", s -> s.get(r)));
    }

    /** The latest values of {@code keys}; missing keys are left out. */
    public List<KvEntry> getAll(List<byte[]> keys) {
        KeyListRequest.Builder b = KeyListRequest.newBuilder();
        keys.forEach(k -> b.addKeys(Protos.bytes(k)));
        return Protos.entries(rpc.call("GetAll", s -> s.getAll(b.build())).getEntriesList());
    }

    /** Keys and latest values in key order, fetched page by page as the iterator advances. */
    public Iterator<KvEntry> scan(ScanOptions options) {
        return reads.scan(options);
    }

    /** Versions of {@code key}, fetched page by page; {@link KeyNotFoundException} if the key never existed. */
    public Iterator<KvEntry> history(byte[] key, HistoryOptions options) {
        return reads.history(key, options);
    }

    /** Members of a sorted set, fetched page by page. */
    public Iterator<SortedSetEntry> zScan(ZScanOptions options) {
        return reads.zScan(options);
    }

    /** Number of keys with {@code prefix}. */
    public long count(byte[] prefix) {
        return rpc.call("Count", s -> s.count(KeyPrefix.newBuilder().setPrefix(Protos.bytes(prefix)).build()))
                .getCount();
    }

    /** Number of keys in the database. */
    public long countAll() {
        return rpc.call("CountAll", s -> s.countAll(Empty.getDefaultInstance())).getCount();
    }

    /** Transaction {@code txId} with all its raw entries, without values (unverified). */
    public TxRecord txById(long txId) {
        return txById(txId, EntriesSpec.DIGESTS);
    }

    /**
     * Transaction {@code txId} with its entries shaped by {@code spec} (unverified): raw entries with their
     * stored values for {@code RAW_VALUE}, decoded entries in {@link TxRecord#kvEntries()} and
     * {@link TxRecord#zEntries()} for {@code RESOLVE}.
     */
    public TxRecord txById(long txId, EntriesSpec spec) {
        TxRequest request = txRequest(txId, spec);
        return Protos.tx(rpc.call("TxById", s -> s.txById(request)), spec);
    }

    private static TxRequest txRequest(long txId, EntriesSpec spec) {
        TxRequest.Builder b = TxRequest.newBuilder().setTx(txId);
        io.veridb.protocol.immudb.EntriesSpec wire = Protos.entriesSpec(Objects.requireNonNull(spec, "spec"));
        if (wire != null) {
            b.setEntriesSpec(wire);
        }
        return b.build();
    }

    /**
     * Transactions from {@code initialTx} (≥ 1) upward, or downward when {@code desc}, fetched page by page.
     *
     * @param limit total transactions, 0 = all
     */
    public Iterator<TxRecord> txScan(long initialTx, long limit, boolean desc) {
        return reads.txScan(initialTx, limit, desc);
    }

    // ------------------------------------------------------------------ verified

    /** Writes one pair and verifies the new transaction against the trusted state. */
    public TxHeader verifiedSet(byte[] key, byte[] value) {
        return verifiedSet(KvWrite.of(key, value));
    }

    /** Writes one UTF-8 pair and verifies the new transaction against the trusted state. */
    public TxHeader verifiedSet(String key, String value) {
        return verifiedSet(utf8(key), utf8(value));
    }

    /** Writes one pair (with metadata) and verifies the new transaction against the trusted state. */
    public TxHeader verifiedSet(KvWrite write) {
        KvVerifier.ExpectedEntry expected = new KvVerifier.ExpectedEntry(Keys.plainKey(write.key()),
                write.metadata(), Keys.plainValue(write.value()));
        return verifiedWrite("verifiedSet", expected, state -> rpc.call("VerifiableSet",
                s -> s.verifiableSet(VerifiableSetRequest.newBuilder()
                        .setSetRequest(SetRequest.newBuilder().addKVs(Protos.keyValue(write)))
                        .setProveSinceTx(state.txId())
                        .build())));
    }

    /** Verified {@link #setReference(byte[], byte[], long)}. */
    public TxHeader verifiedSetReference(byte[] key, byte[] referencedKey, long atTx) {
        KvVerifier.ExpectedEntry expected = new KvVerifier.ExpectedEntry(Keys.plainKey(key), KvMetadata.NONE,
                Keys.referenceValue(referencedKey, atTx));
        return verifiedWrite("verifiedSetReference", expected, state -> rpc.call("VerifiableSetReference",
                s -> s.verifiableSetReference(VerifiableReferenceRequest.newBuilder()
                        .setReferenceRequest(Protos.reference(key, referencedKey, atTx))
                        .setProveSinceTx(state.txId())
                        .build())));
    }

    /** Verified {@link #zAdd(byte[], double, byte[], long)}. */
    public TxHeader verifiedZAdd(byte[] set, double score, byte[] key, long atTx) {
        KvVerifier.ExpectedEntry expected = new KvVerifier.ExpectedEntry(Keys.zsetKey(set, score, key, atTx),
                KvMetadata.NONE, Bytes.EMPTY);
        return verifiedWrite("verifiedZAdd", expected, state -> rpc.call("VerifiableZAdd",
                s -> s.verifiableZAdd(VerifiableZAddRequest.newBuilder()
                        .setZAddRequest(Protos.zAdd(set, score, key, atTx))
                        .setProveSinceTx(state.txId())
                        .build())));
    }

    /** The latest value of {@code key}, verified against the trusted state. */
    public KvEntry verifiedGet(byte[] key) {
        return verifiedGet(KeyRequest.newBuilder().setKey(Protos.bytes(key)).build());
    }

    /** The latest value of a UTF-8 key, verified against the trusted state. */
    public KvEntry verifiedGet(String key) {
        return verifiedGet(utf8(key));
    }

    /** The value of {@code key} written in {@code atTx}, verified. */
    public KvEntry verifiedGetAtTx(byte[] key, long atTx) {
        return verifiedGet(KeyRequest.newBuilder().setKey(Protos.bytes(key)).setAtTx(atTx).build());
    }

    /** The latest value once the index covers {@code sinceTx}, verified. */
    public KvEntry verifiedGetSinceTx(byte[] key, long sinceTx) {
        return verifiedGet(KeyRequest.newBuilder().setKey(Protos.bytes(key)).setSinceTx(sinceTx).build());
    }

    /** Version {@code revision} of {@code key}, verified. */
    public KvEntry verifiedGetAtRevision(byte[] key, long revision) {
        return verifiedGet(KeyRequest.newBuilder().setKey(Protos.bytes(key)).setAtRevision(revision).build());
    }

    private KvEntry verifiedGet(KeyRequest request) {
        verifyLock.lock();
        try {
            DatabaseState state = trusted();
            var answer = rpc.call("VerifiableGet", s -> s.verifiableGet(VerifiableGetRequest.newBuilder()
                    .setKeyRequest(request).setProveSinceTx(state.txId()).build()));
            KvVerifier.Verified<KvEntry> v = KvVerifier.verifyEntry(state, answer, request.getKey().toByteArray(),
                    request.getAtTx(), serverKey);
            advance(state, v.state());
            return v.value();
        } finally {
            verifyLock.unlock();
        }
    }

    /** Transaction {@code txId}, its raw entries checked against its eH and the tx proven against the state. */
    public TxRecord verifiedTxById(long txId) {
        return verifiedTxById(txId, EntriesSpec.DIGESTS);
    }

    /**
     * Transaction {@code txId} with its raw entries shaped by {@code spec}, proven against the trusted state: the
     * dual proof, the tx's eH rebuilt from all its raw entries (read a second time without a spec, over
     * {@code TxById}, when {@code spec} leaves some out), each returned entry one of them, and each returned value
     * {@code vLen} bytes long with {@code SHA-256(value) == hValue}.
     *
     * @param spec {@code EXCLUDE}, {@code ONLY_DIGEST} or {@code RAW_VALUE} per kind
     * @throws IllegalArgumentException if {@code spec} asks to {@code RESOLVE} (resolved entries may come from
     *     other transactions, which this proof does not cover)
     */
    public TxRecord verifiedTxById(long txId, EntriesSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.resolves()) {
            throw new IllegalArgumentException("verifiedTxById cannot prove RESOLVE entries: spec=" + spec);
        }
        verifyLock.lock();
        try {
            DatabaseState state = trusted();
            VerifiableTxRequest.Builder request = VerifiableTxRequest.newBuilder()
                    .setTx(txId).setProveSinceTx(state.txId());
            io.veridb.protocol.immudb.EntriesSpec wire = Protos.entriesSpec(spec);
            if (wire != null) {
                request.setEntriesSpec(wire);
            }
            var answer = rpc.call("VerifiableTxById", s -> s.verifiableTxById(request.build()));
            KvVerifier.Verified<TxRecord> v = KvVerifier.verifyTx(state, answer, txId, spec,
                    () -> rpc.call("TxById", s -> s.txById(txRequest(txId, EntriesSpec.DIGESTS))), serverKey);
            advance(state, v.state());
            return v.value();
        } finally {
            verifyLock.unlock();
        }
    }

    private TxHeader verifiedWrite(String op, KvVerifier.ExpectedEntry expected,
            Function<DatabaseState, VerifiableTx> call) {
        verifyLock.lock();
        try {
            DatabaseState state = trusted();
            KvVerifier.Verified<TxHeader> v = KvVerifier.verifyWrite(op, state, call.apply(state), expected,
                    serverKey);
            advance(state, v.state());
            return v.value();
        } finally {
            verifyLock.unlock();
        }
    }

    // ------------------------------------------------------------------ chunked streams (large values)

    /** Writes all pairs in one transaction over {@code streamSet} (no metadata; values may exceed 4 MiB). */
    public TxHeader streamSet(List<KvWrite> writes) {
        return Protos.header(streams.streamSet(writes));
    }

    /** The latest value of {@code key} over {@code streamGet} (values may exceed 4 MiB). */
    public byte[] streamGet(byte[] key) {
        return streams.streamGet(KeyRequest.newBuilder().setKey(Protos.bytes(key)).build());
    }

    /** {@link #verifiedSet(KvWrite)} over {@code streamVerifiableSet} (no metadata). */
    public TxHeader streamVerifiedSet(byte[] key, byte[] value) {
        KvWrite write = KvWrite.of(key, value);
        KvVerifier.ExpectedEntry expected = new KvVerifier.ExpectedEntry(Keys.plainKey(key), KvMetadata.NONE,
                Keys.plainValue(value));
        return verifiedWrite("streamVerifiedSet", expected,
                state -> streams.streamVerifiableSet(List.of(write), state.txId()));
    }

    /** {@link #verifiedGet(byte[])} over {@code streamVerifiableGet}. */
    public KvEntry streamVerifiedGet(byte[] key) {
        verifyLock.lock();
        try {
            DatabaseState state = trusted();
            var answer = streams.streamVerifiableGet(VerifiableGetRequest.newBuilder()
                    .setKeyRequest(KeyRequest.newBuilder().setKey(Protos.bytes(key)))
                    .setProveSinceTx(state.txId()).build());
            KvVerifier.Verified<KvEntry> v = KvVerifier.verifyEntry(state, answer, key, 0, serverKey);
            advance(state, v.state());
            return v.value();
        } finally {
            verifyLock.unlock();
        }
    }

    // ------------------------------------------------------------------ lifecycle

    /** Closes the session and the channel. */
    @Override
    public void close() {
        try {
            session.close();
        } finally {
            shutdown(channel);
        }
    }

    private static void shutdown(ManagedChannel channel) {
        channel.shutdown();
        try {
            if (!channel.awaitTermination(5, TimeUnit.SECONDS)) {
                channel.shutdownNow();
            }
        } catch (InterruptedException e) {
            channel.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    private static byte[] utf8(String s) {
        return Objects.requireNonNull(s, "string").getBytes(StandardCharsets.UTF_8);
    }
}
