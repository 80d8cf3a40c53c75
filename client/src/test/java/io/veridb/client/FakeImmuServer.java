package io.veridb.client;

import com.google.protobuf.ByteString;
import com.google.protobuf.Empty;
import io.grpc.ForwardingServerCall;
import io.grpc.Metadata;
import io.grpc.Server;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.ServerInterceptors;
import io.grpc.Status;
import io.grpc.inprocess.InProcessChannelBuilder;
import io.grpc.inprocess.InProcessServerBuilder;
import io.grpc.stub.StreamObserver;
import io.veridb.client.FakeChain.Stored;
import io.veridb.proofs.TxHeader;
import io.veridb.protocol.immudb.Entries;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.HealthResponse;
import io.veridb.protocol.immudb.HistoryRequest;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.KeyValue;
import io.veridb.protocol.immudb.OpenSessionRequest;
import io.veridb.protocol.immudb.OpenSessionResponse;
import io.veridb.protocol.immudb.ScanRequest;
import io.veridb.protocol.immudb.SetRequest;
import io.veridb.protocol.immudb.VerifiableEntry;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableTx;
import io.veridb.protocol.immudb.VerifiableTxRequest;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An in-process ImmuService over a {@link FakeChain}: sessions, plain and verified set/get, scan, history and
 * verified tx reads, with the {@code immudb-uuid} response header. Test seam for {@link VeriClient} until it
 * runs against the real server.
 */
final class FakeImmuServer extends ImmuServiceGrpc.ImmuServiceImplBase implements AutoCloseable {

    /** Calls seen: method name and the sessionid header. */
    record Call(String method, String sessionId) {}

    final String name = InProcessServerBuilder.generateName();
    final List<Call> calls = new CopyOnWriteArrayList<>();
    volatile String uuid;
    volatile String uuidHeader;
    volatile FakeChain chain;
    volatile boolean tamperValues;
    private final Map<byte[], List<long[]>> versions = new TreeMap<>(Arrays::compareUnsigned);
    private Server server;

    FakeImmuServer(String uuid, FakeChain chain) {
        this.uuid = uuid;
        this.uuidHeader = uuid;
        this.chain = chain;
    }

    FakeImmuServer start() throws IOException {
        ServerInterceptor headers = new ServerInterceptor() {
            @Override
            public <Q, S> ServerCall.Listener<Q> interceptCall(ServerCall<Q, S> call, Metadata h,
                    ServerCallHandler<Q, S> next) {
                calls.add(new Call(call.getMethodDescriptor().getBareMethodName(), h.get(ImmuRpc.SESSION_ID)));
                return next.startCall(new ForwardingServerCall.SimpleForwardingServerCall<>(call) {
                    @Override
                    public void sendHeaders(Metadata responseHeaders) {
                        responseHeaders.put(ImmuRpc.SERVER_UUID, uuidHeader);
                        super.sendHeaders(responseHeaders);
                    }
                }, h);
            }
        };
        server = InProcessServerBuilder.forName(name).directExecutor()
                .addService(ServerInterceptors.intercept(this, headers)).build().start();
        return this;
    }

    io.grpc.ManagedChannel channel() {
        return InProcessChannelBuilder.forName(name).directExecutor().build();
    }

    long callsOf(String method) {
        return calls.stream().filter(c -> c.method().equals(method)).count();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }

    // ------------------------------------------------------------------ sessions and state

    @Override
    public void openSession(OpenSessionRequest r, StreamObserver<OpenSessionResponse> out) {
        if (!r.getUsername().toStringUtf8().equals("immudb") || !r.getPassword().toStringUtf8().equals("immudb")) {
            out.onError(Status.UNKNOWN.withDescription("invalid user name or password").asRuntimeException());
            return;
        }
        reply(out, OpenSessionResponse.newBuilder().setSessionID("session-1").setServerUUID(uuid).build());
    }

    @Override
    public void keepAlive(Empty r, StreamObserver<Empty> out) {
        reply(out, Empty.getDefaultInstance());
    }

    @Override
    public void closeSession(Empty r, StreamObserver<Empty> out) {
        reply(out, Empty.getDefaultInstance());
    }

    @Override
    public void currentState(Empty r, StreamObserver<ImmutableState> out) {
        reply(out, chain.state());
    }

    @Override
    public void health(Empty r, StreamObserver<HealthResponse> out) {
        reply(out, HealthResponse.newBuilder().setStatus(true).setVersion("fake").build());
    }

    // ------------------------------------------------------------------ key/value

    synchronized TxHeader commit(List<KeyValue> kvs) {
        Stored[] stored = new Stored[kvs.size()];
        for (int i = 0; i < kvs.size(); i++) {
            stored[i] = new Stored(Keys.plainKey(kvs.get(i).getKey().toByteArray()), io.veridb.proofs.KvMetadata.NONE,
                    Keys.plainValue(kvs.get(i).getValue().toByteArray()));
        }
        TxHeader h = chain.commit(stored);
        for (int i = 0; i < kvs.size(); i++) {
            versions.computeIfAbsent(kvs.get(i).getKey().toByteArray(), k -> new ArrayList<>())
                    .add(new long[] {h.id(), i});
        }
        return h;
    }

    @Override
    public void set(SetRequest r, StreamObserver<io.veridb.protocol.immudb.TxHeader> out) {
        reply(out, FakeChain.proto(commit(r.getKVsList())));
    }

    @Override
    public void verifiableSet(VerifiableSetRequest r, StreamObserver<VerifiableTx> out) {
        TxHeader h = commit(r.getSetRequest().getKVsList());
        reply(out, chain.verifiableWrite(h.id(), r.getProveSinceTx()));
    }

    private synchronized Entry entry(byte[] key, int version) {
        long[] v = versions.get(key).get(version);
        byte[] stored = chain.entries(v[0]).get((int) v[1]).value();
        byte[] value = Arrays.copyOfRange(stored, 1, stored.length);
        if (tamperValues) {
            value = "tampered".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        }
        return Entry.newBuilder().setTx(v[0]).setKey(ByteString.copyFrom(key)).setValue(ByteString.copyFrom(value))
                .setRevision(version + 1L).build();
    }

    private synchronized boolean exists(byte[] key) {
        return versions.containsKey(key);
    }

    @Override
    public void get(KeyRequest r, StreamObserver<Entry> out) {
        byte[] key = r.getKey().toByteArray();
        if (!exists(key)) {
            out.onError(Status.UNKNOWN.withDescription("tbtree: key not found").asRuntimeException());
            return;
        }
        reply(out, entry(key, versions.get(key).size() - 1));
    }

    @Override
    public void verifiableGet(VerifiableGetRequest r, StreamObserver<VerifiableEntry> out) {
        byte[] key = r.getKeyRequest().getKey().toByteArray();
        if (!exists(key)) {
            out.onError(Status.UNKNOWN.withDescription("tbtree: key not found").asRuntimeException());
            return;
        }
        long[] v;
        int version;
        synchronized (this) {
            version = versions.get(key).size() - 1;
            v = versions.get(key).get(version);
        }
        reply(out, chain.verifiableEntry(entry(key, version), v[0], (int) v[1], r.getProveSinceTx()));
    }

    @Override
    public void verifiableTxById(VerifiableTxRequest r, StreamObserver<VerifiableTx> out) {
        if (r.getTx() < 1 || r.getTx() > chain.lastTxId()) {
            out.onError(Status.UNKNOWN.withDescription("tx not found").asRuntimeException());
            return;
        }
        reply(out, chain.verifiableRead(r.getTx(), r.getProveSinceTx()));
    }

    @Override
    public synchronized void scan(ScanRequest r, StreamObserver<Entries> out) {
        Entries.Builder b = Entries.newBuilder();
        byte[] seek = r.getSeekKey().toByteArray();
        byte[] prefix = r.getPrefix().toByteArray();
        for (byte[] key : versions.keySet()) {
            int c = Arrays.compareUnsigned(key, seek);
            boolean afterSeek = seek.length == 0 || c > 0 || (c == 0 && r.getInclusiveSeek());
            boolean hasPrefix = key.length >= prefix.length
                    && Arrays.equals(key, 0, prefix.length, prefix, 0, prefix.length);
            if (afterSeek && hasPrefix && b.getEntriesCount() < r.getLimit()) {
                b.addEntries(entry(key, versions.get(key).size() - 1));
            }
        }
        reply(out, b.build());
    }

    @Override
    public synchronized void history(HistoryRequest r, StreamObserver<Entries> out) {
        byte[] key = r.getKey().toByteArray();
        if (!versions.containsKey(key)) {
            out.onError(Status.UNKNOWN.withDescription("tbtree: key not found").asRuntimeException());
            return;
        }
        Entries.Builder b = Entries.newBuilder();
        int n = versions.get(key).size();
        for (long i = r.getOffset(); i < n && b.getEntriesCount() < r.getLimit(); i++) {
            b.addEntries(entry(key, (int) (r.getDesc() ? n - 1 - i : i)));
        }
        reply(out, b.build());
    }

    private static <T> void reply(StreamObserver<T> out, T value) {
        out.onNext(value);
        out.onCompleted();
    }
}
