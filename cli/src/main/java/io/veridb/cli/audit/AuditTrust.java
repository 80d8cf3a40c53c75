package io.veridb.cli.audit;

import io.veridb.client.DatabaseState;
import io.veridb.client.StateStore;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The SDK state store used while auditing: trusted states live in memory and are set by the auditor before each
 * proof (so the SDK proves from the last audited state, not from whatever the client last saw), while identity
 * pins go to the durable audit store, so a replaced server is refused across runs. Thread-safe.
 */
final class AuditTrust implements StateStore {

    private final StateStore pins;
    private final Map<String, DatabaseState> states = new ConcurrentHashMap<>();

    AuditTrust(StateStore pins) {
        this.pins = pins;
    }

    /** Makes {@code state} the trusted state of its database on {@code serverUuid}. */
    void trust(String serverUuid, DatabaseState state) {
        states.put(key(serverUuid, state.database()), state);
    }

    @Override
    public Optional<DatabaseState> load(String serverUuid, String database) {
        return Optional.ofNullable(states.get(key(serverUuid, database)));
    }

    @Override
    public void save(String serverUuid, DatabaseState state) {
        trust(serverUuid, state);
    }

    @Override
    public Optional<String> pinnedIdentity(String address) {
        return pins.pinnedIdentity(address);
    }

    @Override
    public void pin(String address, String serverUuid) {
        pins.pin(address, serverUuid);
    }

    @Override
    public void unpin(String address) {
        pins.unpin(address);
    }

    private static String key(String serverUuid, String database) {
        return serverUuid + "\u0000" + database;
    }
}
