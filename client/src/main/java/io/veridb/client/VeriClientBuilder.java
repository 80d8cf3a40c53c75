package io.veridb.client;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.Base64;
import java.util.Locale;
import java.util.Objects;

/**
 * Options for {@link VeriClient}; {@link #build()} connects and opens the session. Defaults: address
 * {@code localhost:3322}, plaintext, user {@code immudb}/{@code immudb}, database {@code defaultdb}, an in-memory
 * state store, no server key (state signatures not checked), keep-alive every 30 s, 60 s per call.
 * Not thread-safe.
 */
public final class VeriClientBuilder {

    /** immudb's largest message; the server's receive limit. */
    static final int MAX_MESSAGE_BYTES = 32 << 20;

    private String address = "localhost:3322";
    private String username = "immudb";
    private byte[] password = "immudb".getBytes(StandardCharsets.UTF_8);
    private String database = "defaultdb";
    private StateStore stateStore;
    private PublicKey serverKey;
    private Path trustCertificates;
    private Path clientCertificate;
    private Path clientKey;
    private Duration keepAlive = Duration.ofSeconds(30);
    private Duration callTimeout = Duration.ofSeconds(60);
    private ManagedChannel channel;

    VeriClientBuilder() {}

    /** The server as {@code host:port}; also the key under which its identity is pinned. */
    public VeriClientBuilder address(String hostPort) {
        Objects.requireNonNull(hostPort, "hostPort");
        int colon = hostPort.lastIndexOf(':');
        if (colon <= 0 || colon == hostPort.length() - 1) {
            throw new IllegalArgumentException("address=" + hostPort + ", want host:port");
        }
        int port = Integer.parseInt(hostPort.substring(colon + 1));
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException("port=" + port + " in address " + hostPort + ", want 1..65535");
        }
        this.address = hostPort;
        return this;
    }

    /** The server as host and port. */
    public VeriClientBuilder address(String host, int port) {
        return address(host + ":" + port);
    }

    /** Log in as {@code user} with {@code password}. */
    public VeriClientBuilder credentials(String user, String password) {
        this.username = Objects.requireNonNull(user, "user");
        this.password = Objects.requireNonNull(password, "password").getBytes(StandardCharsets.UTF_8);
        return this;
    }

    /** The database of the session; names are case-insensitive (the server stores them lower case). */
    public VeriClientBuilder database(String name) {
        this.database = Objects.requireNonNull(name, "name").toLowerCase(Locale.ROOT);
        return this;
    }

    /** Where trusted states and identity pins are kept (default: in memory, lost on close). */
    public VeriClientBuilder stateStore(StateStore store) {
        this.stateStore = Objects.requireNonNull(store, "store");
        return this;
    }

    /** Check every state signature with this EC P-256 key; unsigned states are then rejected. */
    public VeriClientBuilder serverPublicKey(PublicKey key) {
        this.serverKey = Objects.requireNonNull(key, "key");
        return this;
    }

    /** As {@link #serverPublicKey(PublicKey)}, from a PEM "PUBLIC KEY" (X.509 SubjectPublicKeyInfo) file. */
    public VeriClientBuilder serverPublicKey(Path pemFile) {
        return serverPublicKey(readPublicKey(pemFile));
    }

    /** Use TLS, trusting the PEM certificates in {@code caFile}. */
    public VeriClientBuilder tls(Path caFile) {
        this.trustCertificates = Objects.requireNonNull(caFile, "caFile");
        return this;
    }

    /** Use mutual TLS: trust {@code caFile}, present {@code certFile} with its PKCS#8 PEM {@code keyFile}. */
    public VeriClientBuilder mtls(Path caFile, Path certFile, Path keyFile) {
        this.trustCertificates = Objects.requireNonNull(caFile, "caFile");
        this.clientCertificate = Objects.requireNonNull(certFile, "certFile");
        this.clientKey = Objects.requireNonNull(keyFile, "keyFile");
        return this;
    }

    /** Interval of session keep-alives; keep it well under the server's session timeout (2 min by default). */
    public VeriClientBuilder keepAlive(Duration interval) {
        if (interval.isNegative() || interval.isZero()) {
            throw new IllegalArgumentException("keepAlive=" + interval + ", want > 0");
        }
        this.keepAlive = interval;
        return this;
    }

    /** Deadline of each server call. */
    public VeriClientBuilder callTimeout(Duration timeout) {
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("callTimeout=" + timeout + ", want > 0");
        }
        this.callTimeout = timeout;
        return this;
    }

    /**
     * Use an existing channel (for example an in-process one) instead of connecting to the address; the
     * address still names the server for identity pinning. The client shuts the channel down on close.
     */
    public VeriClientBuilder channel(ManagedChannel existing) {
        this.channel = Objects.requireNonNull(existing, "existing");
        return this;
    }

    /**
     * Connects, opens the session and checks the server's identity against the pin for the address.
     *
     * @throws ServerIdentityException if another server UUID is pinned for the address
     * @throws VeriClientException if the session cannot be opened
     */
    public VeriClient build() {
        ManagedChannel ch = channel != null ? channel : Grpc.newChannelBuilder(address, credentials())
                .maxInboundMessageSize(MAX_MESSAGE_BYTES)
                .build();
        StateStore store = stateStore != null ? stateStore : new MemoryStateStore();
        return VeriClient.connect(ch, address, username, password.clone(), database, store, serverKey, keepAlive,
                callTimeout);
    }

    private ChannelCredentials credentials() {
        if (trustCertificates == null) {
            return InsecureChannelCredentials.create();
        }
        try {
            TlsChannelCredentials.Builder b = TlsChannelCredentials.newBuilder()
                    .trustManager(trustCertificates.toFile());
            if (clientCertificate != null) {
                b.keyManager(clientCertificate.toFile(), clientKey.toFile());
            }
            return b.build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read TLS files " + trustCertificates + ", " + clientCertificate
                    + ", " + clientKey, e);
        }
    }

    /** Reads a PEM "PUBLIC KEY" EC key. */
    static PublicKey readPublicKey(Path pemFile) {
        String pem;
        try {
            pem = Files.readString(pemFile, StandardCharsets.US_ASCII);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read server public key " + pemFile, e);
        }
        String begin = "-----BEGIN PUBLIC KEY-----";
        String end = "-----END PUBLIC KEY-----";
        int b = pem.indexOf(begin);
        int e = pem.indexOf(end);
        if (b < 0 || e < b) {
            throw new IllegalArgumentException("server public key " + pemFile + " has no PEM PUBLIC KEY block");
        }
        byte[] der = Base64.getMimeDecoder().decode(pem.substring(b + begin.length(), e));
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(der));
        } catch (GeneralSecurityException ex) {
            throw new IllegalArgumentException("server public key " + pemFile + " is not an EC key: " + ex, ex);
        }
    }
}
