package io.veridb.server.immu;

import com.google.protobuf.Empty;
import io.grpc.stub.StreamObserver;
import io.veridb.protocol.immudb.AuthConfig;
import io.veridb.protocol.immudb.ChangePasswordRequest;
import io.veridb.protocol.immudb.ChangePermissionRequest;
import io.veridb.protocol.immudb.Chunk;
import io.veridb.protocol.immudb.CreateDatabaseRequest;
import io.veridb.protocol.immudb.CreateDatabaseResponse;
import io.veridb.protocol.immudb.CreateUserRequest;
import io.veridb.protocol.immudb.Database;
import io.veridb.protocol.immudb.DatabaseHealthResponse;
import io.veridb.protocol.immudb.DatabaseListRequestV2;
import io.veridb.protocol.immudb.DatabaseListResponse;
import io.veridb.protocol.immudb.DatabaseListResponseV2;
import io.veridb.protocol.immudb.DatabaseSettings;
import io.veridb.protocol.immudb.DatabaseSettingsRequest;
import io.veridb.protocol.immudb.DatabaseSettingsResponse;
import io.veridb.protocol.immudb.DeleteDatabaseRequest;
import io.veridb.protocol.immudb.DeleteDatabaseResponse;
import io.veridb.protocol.immudb.DeleteKeysRequest;
import io.veridb.protocol.immudb.Entries;
import io.veridb.protocol.immudb.Entry;
import io.veridb.protocol.immudb.EntryCount;
import io.veridb.protocol.immudb.ExecAllRequest;
import io.veridb.protocol.immudb.FlushIndexRequest;
import io.veridb.protocol.immudb.FlushIndexResponse;
import io.veridb.protocol.immudb.HealthResponse;
import io.veridb.protocol.immudb.HistoryRequest;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.ImmutableState;
import io.veridb.protocol.immudb.KeyListRequest;
import io.veridb.protocol.immudb.KeyPrefix;
import io.veridb.protocol.immudb.KeyRequest;
import io.veridb.protocol.immudb.LoadDatabaseRequest;
import io.veridb.protocol.immudb.LoadDatabaseResponse;
import io.veridb.protocol.immudb.LoginRequest;
import io.veridb.protocol.immudb.LoginResponse;
import io.veridb.protocol.immudb.MTLSConfig;
import io.veridb.protocol.immudb.OpenSessionRequest;
import io.veridb.protocol.immudb.OpenSessionResponse;
import io.veridb.protocol.immudb.ReferenceRequest;
import io.veridb.protocol.immudb.ScanRequest;
import io.veridb.protocol.immudb.ServerInfoRequest;
import io.veridb.protocol.immudb.ServerInfoResponse;
import io.veridb.protocol.immudb.SetActiveUserRequest;
import io.veridb.protocol.immudb.SetRequest;
import io.veridb.protocol.immudb.Tx;
import io.veridb.protocol.immudb.TxHeader;
import io.veridb.protocol.immudb.TxList;
import io.veridb.protocol.immudb.TxRequest;
import io.veridb.protocol.immudb.TxScanRequest;
import io.veridb.protocol.immudb.UnloadDatabaseRequest;
import io.veridb.protocol.immudb.UnloadDatabaseResponse;
import io.veridb.protocol.immudb.UpdateDatabaseRequest;
import io.veridb.protocol.immudb.UpdateDatabaseResponse;
import io.veridb.protocol.immudb.UseDatabaseReply;
import io.veridb.protocol.immudb.UserList;
import io.veridb.protocol.immudb.VerifiableEntry;
import io.veridb.protocol.immudb.VerifiableGetRequest;
import io.veridb.protocol.immudb.VerifiableReferenceRequest;
import io.veridb.protocol.immudb.VerifiableSetRequest;
import io.veridb.protocol.immudb.VerifiableTx;
import io.veridb.protocol.immudb.VerifiableTxRequest;
import io.veridb.protocol.immudb.VerifiableZAddRequest;
import io.veridb.protocol.immudb.ZAddRequest;
import io.veridb.protocol.immudb.ZEntries;
import io.veridb.protocol.immudb.ZScanRequest;
import io.veridb.server.auth.AuthException;
import io.veridb.server.immu.kv.KvStreams;

/**
 * {@code immudb.schema.ImmuService}: routes each RPC to the component that implements it. Authentication and the
 * per-RPC permission check happen before, in {@link AuthInterceptor}; the RPCs VeriDB does not implement are
 * answered by {@link UnsupportedInterceptor}. This class only dispatches, so it is long but flat.
 */
final class ImmuServiceImpl extends ImmuServiceGrpc.ImmuServiceImplBase {
    private final SessionRpcs sessions;
    private final UserRpcs users;
    private final DatabaseRpcs databases;
    private final ServerRpcs server;
    private final DataCalls data;

    ImmuServiceImpl(ImmuContext ctx) {
        Activity activity = new Activity();
        this.sessions = new SessionRpcs(ctx);
        this.users = new UserRpcs(ctx);
        this.databases = new DatabaseRpcs(ctx);
        this.server = new ServerRpcs(ctx, activity);
        this.data = new DataCalls(ctx, activity);
    }

    // ------------------------------------------------------------------ sessions and tokens

    @Override
    public void openSession(OpenSessionRequest r, StreamObserver<OpenSessionResponse> o) {
        Calls.unary(o, () -> sessions.openSession(r));
    }

    @Override
    public void keepAlive(Empty r, StreamObserver<Empty> o) {
        Calls.unary(o, sessions::keepAlive);
    }

    @Override
    public void closeSession(Empty r, StreamObserver<Empty> o) {
        Calls.unary(o, sessions::closeSession);
    }

    @Override
    public void login(LoginRequest r, StreamObserver<LoginResponse> o) {
        Calls.unary(o, () -> sessions.login(r));
    }

    @Override
    public void logout(Empty r, StreamObserver<Empty> o) {
        Calls.unary(o, sessions::logout);
    }

    @Override
    public void useDatabase(Database r, StreamObserver<UseDatabaseReply> o) {
        Calls.unary(o, () -> sessions.useDatabase(r));
    }

    // ------------------------------------------------------------------ users

    @Override
    public void listUsers(Empty r, StreamObserver<UserList> o) {
        Calls.unary(o, users::listUsers);
    }

    @Override
    public void createUser(CreateUserRequest r, StreamObserver<Empty> o) {
        Calls.unary(o, () -> users.createUser(r));
    }

    @Override
    public void changePassword(ChangePasswordRequest r, StreamObserver<Empty> o) {
        Calls.unary(o, () -> users.changePassword(r));
    }

    @Override
    public void changePermission(ChangePermissionRequest r, StreamObserver<Empty> o) {
        Calls.unary(o, () -> users.changePermission(r));
    }

    @Override
    public void setActiveUser(SetActiveUserRequest r, StreamObserver<Empty> o) {
        Calls.unary(o, () -> users.setActiveUser(r));
    }

    @Override
    public void updateAuthConfig(AuthConfig r, StreamObserver<Empty> o) {
        Calls.unary(o, () -> {
            throw new AuthException(AuthException.Reason.REJECTED, "operation not supported");
        });
    }

    @Override
    public void updateMTLSConfig(MTLSConfig r, StreamObserver<Empty> o) {
        Calls.unary(o, () -> {
            throw new AuthException(AuthException.Reason.REJECTED, "operation not supported");
        });
    }

    // ------------------------------------------------------------------ server and databases

    @Override
    public void health(Empty r, StreamObserver<HealthResponse> o) {
        Calls.unary(o, server::health);
    }

    @Override
    public void serverInfo(ServerInfoRequest r, StreamObserver<ServerInfoResponse> o) {
        Calls.unary(o, server::serverInfo);
    }

    @Override
    public void databaseHealth(Empty r, StreamObserver<DatabaseHealthResponse> o) {
        Calls.unary(o, server::databaseHealth);
    }

    @Override
    public void flushIndex(FlushIndexRequest r, StreamObserver<FlushIndexResponse> o) {
        Calls.unary(o, server::flushIndex);
    }

    @Override
    public void compactIndex(Empty r, StreamObserver<Empty> o) {
        Calls.unary(o, server::compactIndex);
    }

    @Override
    public void createDatabase(Database r, StreamObserver<Empty> o) {
        Calls.unary(o, () -> databases.createDatabase(r));
    }

    @Override
    public void createDatabaseWith(DatabaseSettings r, StreamObserver<Empty> o) {
        Calls.unary(o, () -> databases.createDatabaseWith(r));
    }

    @Override
    public void createDatabaseV2(CreateDatabaseRequest r, StreamObserver<CreateDatabaseResponse> o) {
        Calls.unary(o, () -> databases.createDatabaseV2(r));
    }

    @Override
    public void loadDatabase(LoadDatabaseRequest r, StreamObserver<LoadDatabaseResponse> o) {
        Calls.unary(o, () -> databases.loadDatabase(r));
    }

    @Override
    public void unloadDatabase(UnloadDatabaseRequest r, StreamObserver<UnloadDatabaseResponse> o) {
        Calls.unary(o, () -> databases.unloadDatabase(r));
    }

    @Override
    public void deleteDatabase(DeleteDatabaseRequest r, StreamObserver<DeleteDatabaseResponse> o) {
        Calls.unary(o, () -> databases.deleteDatabase(r));
    }

    @Override
    public void databaseList(Empty r, StreamObserver<DatabaseListResponse> o) {
        Calls.unary(o, databases::databaseList);
    }

    @Override
    public void databaseListV2(DatabaseListRequestV2 r, StreamObserver<DatabaseListResponseV2> o) {
        Calls.unary(o, databases::databaseListV2);
    }

    @Override
    public void updateDatabase(DatabaseSettings r, StreamObserver<Empty> o) {
        Calls.unary(o, () -> databases.updateDatabase(r));
    }

    @Override
    public void updateDatabaseV2(UpdateDatabaseRequest r, StreamObserver<UpdateDatabaseResponse> o) {
        Calls.unary(o, () -> databases.updateDatabaseV2(r));
    }

    @Override
    public void getDatabaseSettings(Empty r, StreamObserver<DatabaseSettings> o) {
        Calls.unary(o, databases::getDatabaseSettings);
    }

    @Override
    public void getDatabaseSettingsV2(DatabaseSettingsRequest r, StreamObserver<DatabaseSettingsResponse> o) {
        Calls.unary(o, databases::getDatabaseSettingsV2);
    }

    // ------------------------------------------------------------------ data (unary)

    @Override
    public void currentState(Empty r, StreamObserver<ImmutableState> o) {
        data.unary(o, kv -> kv.currentState());
    }

    @Override
    public void set(SetRequest r, StreamObserver<TxHeader> o) {
        data.unaryAsync(o, (kv, replies) -> kv.setAsync(r, replies));
    }

    @Override
    public void verifiableSet(VerifiableSetRequest r, StreamObserver<VerifiableTx> o) {
        data.unaryAsync(o, (kv, replies) -> kv.verifiableSetAsync(r, replies));
    }

    @Override
    public void get(KeyRequest r, StreamObserver<Entry> o) {
        data.unary(o, kv -> kv.get(r));
    }

    @Override
    public void verifiableGet(VerifiableGetRequest r, StreamObserver<VerifiableEntry> o) {
        data.unary(o, kv -> kv.verifiableGet(r));
    }

    @Override
    public void delete(DeleteKeysRequest r, StreamObserver<TxHeader> o) {
        data.unaryAsync(o, (kv, replies) -> kv.deleteAsync(r, replies));
    }

    @Override
    public void getAll(KeyListRequest r, StreamObserver<Entries> o) {
        data.unary(o, kv -> kv.getAll(r));
    }

    @Override
    public void execAll(ExecAllRequest r, StreamObserver<TxHeader> o) {
        data.unaryAsync(o, (kv, replies) -> kv.execAllAsync(r, replies));
    }

    @Override
    public void scan(ScanRequest r, StreamObserver<Entries> o) {
        data.unary(o, kv -> kv.scan(r));
    }

    @Override
    public void count(KeyPrefix r, StreamObserver<EntryCount> o) {
        data.unary(o, kv -> kv.count(r));
    }

    @Override
    public void countAll(Empty r, StreamObserver<EntryCount> o) {
        data.unary(o, kv -> kv.countAll());
    }

    @Override
    public void txById(TxRequest r, StreamObserver<Tx> o) {
        data.unary(o, kv -> kv.txById(r));
    }

    @Override
    public void verifiableTxById(VerifiableTxRequest r, StreamObserver<VerifiableTx> o) {
        data.unary(o, kv -> kv.verifiableTxById(r));
    }

    @Override
    public void txScan(TxScanRequest r, StreamObserver<TxList> o) {
        data.unary(o, kv -> kv.txScan(r));
    }

    @Override
    public void history(HistoryRequest r, StreamObserver<Entries> o) {
        data.unary(o, kv -> kv.history(r));
    }

    @Override
    public void setReference(ReferenceRequest r, StreamObserver<TxHeader> o) {
        data.unaryAsync(o, (kv, replies) -> kv.setReferenceAsync(r, replies));
    }

    @Override
    public void verifiableSetReference(VerifiableReferenceRequest r, StreamObserver<VerifiableTx> o) {
        data.unaryAsync(o, (kv, replies) -> kv.verifiableSetReferenceAsync(r, replies));
    }

    @Override
    public void zAdd(ZAddRequest r, StreamObserver<TxHeader> o) {
        data.unaryAsync(o, (kv, replies) -> kv.zAddAsync(r, replies));
    }

    @Override
    public void verifiableZAdd(VerifiableZAddRequest r, StreamObserver<VerifiableTx> o) {
        data.unaryAsync(o, (kv, replies) -> kv.verifiableZAddAsync(r, replies));
    }

    @Override
    public void zScan(ZScanRequest r, StreamObserver<ZEntries> o) {
        data.unary(o, kv -> kv.zScan(r));
    }

    // ------------------------------------------------------------------ data (streams)

    @Override
    public void streamGet(KeyRequest r, StreamObserver<Chunk> o) {
        data.serverStream(o, (kv, out) -> kv.streamGet(r, out));
    }

    @Override
    public void streamVerifiableGet(VerifiableGetRequest r, StreamObserver<Chunk> o) {
        data.serverStream(o, (kv, out) -> kv.streamVerifiableGet(r, out));
    }

    @Override
    public void streamScan(ScanRequest r, StreamObserver<Chunk> o) {
        data.serverStream(o, (kv, out) -> kv.streamScan(r, out));
    }

    @Override
    public void streamZScan(ZScanRequest r, StreamObserver<Chunk> o) {
        data.serverStream(o, (kv, out) -> kv.streamZScan(r, out));
    }

    @Override
    public void streamHistory(HistoryRequest r, StreamObserver<Chunk> o) {
        data.serverStream(o, (kv, out) -> kv.streamHistory(r, out));
    }

    @Override
    public StreamObserver<Chunk> streamSet(StreamObserver<TxHeader> o) {
        return data.clientStream(o, KvStreams::streamSet);
    }

    @Override
    public StreamObserver<Chunk> streamVerifiableSet(StreamObserver<VerifiableTx> o) {
        return data.clientStream(o, KvStreams::streamVerifiableSet);
    }

    @Override
    public StreamObserver<Chunk> streamExecAll(StreamObserver<TxHeader> o) {
        return data.clientStream(o, KvStreams::streamExecAll);
    }
}
