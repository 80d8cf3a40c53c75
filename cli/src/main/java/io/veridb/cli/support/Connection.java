package io.veridb.cli.support;

import io.grpc.ManagedChannel;
import io.veridb.client.FileStateStore;
import io.veridb.client.StateStore;
import io.veridb.client.VeriClient;
import io.veridb.client.VeriClientBuilder;

/**
 * One command's connection: an SDK session ({@link #client()}) with trusted states in the settings' state
 * directory. Closing ends the session and the channel. Not thread-safe.
 */
public final class Connection implements AutoCloseable {

    private final ClientSettings settings;
    private final VeriClient client;

    private Connection(ClientSettings settings, VeriClient client) {
        this.settings = settings;
        this.client = client;
    }

    /** Connects with trusted states kept in {@code settings.stateDir()}. */
    public static Connection open(ClientSettings settings) {
        return open(settings, new FileStateStore(settings.stateDir()));
    }

    /**
     * Connects, opens the session and checks the server identity pinned in {@code store}.
     *
     * @param settings settings with a password
     */
    public static Connection open(ClientSettings settings, StateStore store) {
        String password = settings.password().orElseThrow(() -> new IllegalStateException("password not resolved"));
        VeriClientBuilder b = VeriClient.builder()
                .address(settings.address())
                .credentials(settings.username(), password)
                .database(settings.database())
                .stateStore(store);
        if (settings.serverKey() != null) {
            b.serverPublicKey(settings.serverKey());
        }
        // The channel is opened last: once build() has it, build() shuts it down if the session fails.
        ManagedChannel channel = Channels.open(settings);
        return new Connection(settings, b.channel(channel).build());
    }

    /** The SDK client. */
    public VeriClient client() {
        return client;
    }

    /** The settings this connection was opened with. */
    public ClientSettings settings() {
        return settings;
    }

    /** Switches the session to {@code database}. */
    public void useDatabase(String database) {
        client.useDatabase(database);
    }

    @Override
    public void close() {
        client.close();
    }
}
