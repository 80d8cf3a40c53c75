package io.veridb.client;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** A {@link StateStore} in memory: trust lasts as long as this object. Thread-safe. */
public final class MemoryStateStore implements StateStore {

    private final Map<String, DatabaseState> states = new ConcurrentHashMap<>();
    private final Map<String, String> pins = new ConcurrentHashMap<>();

    @Override
    public Optional<DatabaseState> load(String serverUuid, String database) {
        return Optional.ofNullable(states.get(key(serverUuid, database)));
    }

    @Override
    public void save(String serverUuid, DatabaseState state) {
        states.put(key(serverUuid, state.database()), state);
    }

    @Override
    public Optional<String> pinnedIdentity(String address) {
        return Optional.ofNullable(pins.get(Objects.requireNonNull(address, "address")));
    }

    @Override
    public void pin(String address, String serverUuid) {
        pins.put(Objects.requireNonNull(address, "address"), Objects.requireNonNull(serverUuid, "serverUuid"));
    }

    @Override
    public void unpin(String address) {
        pins.remove(Objects.requireNonNull(address, "address"));
    }

    private static String key(String serverUuid, String database) {
        return Objects.requireNonNull(serverUuid, "serverUuid") + "\u0000" + Objects.requireNonNull(database, "db");
    }
}
