package io.veridb.server;

import com.google.protobuf.ByteString;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Metadata;
import io.grpc.stub.MetadataUtils;
import io.veridb.protocol.immudb.ImmuServiceGrpc;
import io.veridb.protocol.immudb.ImmuServiceGrpc.ImmuServiceBlockingStub;
import io.veridb.protocol.immudb.LoginRequest;
import io.veridb.protocol.immudb.OpenSessionRequest;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;

/**
 * A real VeriDB server on an ephemeral port (DCB port off) with real plaintext gRPC channels, for tests. Closing it
 * closes the channels and the server.
 */
public final class TestServer implements AutoCloseable {
    public static final Metadata.Key<String> SESSION_ID =
            Metadata.Key.of("sessionid", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    public static final Metadata.Key<String> UUID = Metadata.Key.of("immudb-uuid", Metadata.ASCII_STRING_MARSHALLER);

    private final VeriDbServer server;
    private final List<ManagedChannel> channels = new ArrayList<>();

    private TestServer(VeriDbServer server) {
        this.server = server;
    }

    /** A server with default options on {@code dir}, ephemeral main port, DCB port off. */
    public static TestServer start(Path dir) throws IOException {
        return start(dir, b -> b);
    }

    /** As {@link #start(Path)}, with further options. */
    public static TestServer start(Path dir, UnaryOperator<ServerConfigBuilder> options) throws IOException {
        ServerConfigBuilder b = ServerConfig.builder().dir(dir).address("127.0.0.1").port(0).dcbPort(-1);
        return new TestServer(VeriDbServer.start(options.apply(b).build()));
    }

    public VeriDbServer server() {
        return server;
    }

    /** A new plaintext channel to the main port. */
    public ManagedChannel channel() {
        ManagedChannel ch = ManagedChannelBuilder.forAddress("127.0.0.1", server.port()).usePlaintext()
                .maxInboundMessageSize(64 << 20).build();
        channels.add(ch);
        return ch;
    }

    /** A stub without credentials. */
    public ImmuServiceBlockingStub anonymous() {
        return ImmuServiceGrpc.newBlockingStub(channel());
    }

    /** Opens a session and returns a stub that sends its id. */
    public ImmuServiceBlockingStub session(String user, String password, String db) {
        return withSession(openSession(user, password, db));
    }

    /** Opens a session and returns its id. */
    public String openSession(String user, String password, String db) {
        return anonymous().openSession(OpenSessionRequest.newBuilder()
                        .setUsername(ByteString.copyFromUtf8(user))
                        .setPassword(ByteString.copyFromUtf8(password))
                        .setDatabaseName(db)
                        .build())
                .getSessionID();
    }

    /** An asynchronous stub that sends session id {@code id} (for client-streaming RPCs). */
    public ImmuServiceGrpc.ImmuServiceStub asyncWithSession(String id) {
        return ImmuServiceGrpc.newStub(channel()).withInterceptors(sessionHeader(id));
    }

    /** A future stub that sends session id {@code id} (many unary calls in flight at once). */
    public ImmuServiceGrpc.ImmuServiceFutureStub futureWithSession(String id) {
        return ImmuServiceGrpc.newFutureStub(channel()).withInterceptors(sessionHeader(id));
    }

    /** A stub that sends session id {@code id}. */
    public ImmuServiceBlockingStub withSession(String id) {
        return anonymous().withInterceptors(sessionHeader(id));
    }

    private static io.grpc.ClientInterceptor sessionHeader(String id) {
        Metadata md = new Metadata();
        md.put(SESSION_ID, id);
        return MetadataUtils.newAttachHeadersInterceptor(md);
    }

    /** The sysadmin's session on defaultdb. */
    public ImmuServiceBlockingStub admin() {
        return session("immudb", "immudb", "defaultdb");
    }

    /** Logs in (token mode) and returns a stub that sends the token. */
    public ImmuServiceBlockingStub login(String user, String password) {
        String token = anonymous().login(LoginRequest.newBuilder()
                        .setUser(ByteString.copyFromUtf8(user))
                        .setPassword(ByteString.copyFromUtf8(password))
                        .build())
                .getToken();
        return withToken(token);
    }

    /** A stub that sends {@code authorization: Bearer <token>}. */
    public ImmuServiceBlockingStub withToken(String token) {
        Metadata md = new Metadata();
        md.put(AUTHORIZATION, "Bearer " + token);
        return anonymous().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(md));
    }

    @Override
    public void close() throws InterruptedException {
        for (ManagedChannel ch : channels) {
            ch.shutdownNow();
            ch.awaitTermination(5, TimeUnit.SECONDS);
        }
        server.close();
    }
}
