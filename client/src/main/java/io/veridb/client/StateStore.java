package io.veridb.client;

import java.util.Optional;

/**
 * Where a client keeps what it trusts: one {@link DatabaseState} per (server UUID, database), and the server
 * UUID pinned for each address. Implementations are thread-safe. {@link FileStateStore} persists across restarts;
 * {@link MemoryStateStore} lives as long as the object.
 *
 * <p>I/O failures surface as {@link java.io.UncheckedIOException}.
 */
public interface StateStore {

    /** The trusted state for {@code database} on server {@code serverUuid}, if one was saved. */
    Optional<DatabaseState> load(String serverUuid, String database);

    /**
     * Saves {@code state} as the trusted state for ({@code serverUuid}, {@code state.database()}), durably before
     * returning.
     */
    void save(String serverUuid, DatabaseState state);

    /** The server UUID pinned for {@code address} ("host:port"), if any. */
    Optional<String> pinnedIdentity(String address);

    /** Pins {@code serverUuid} for {@code address}, replacing any previous pin. */
    void pin(String address, String serverUuid);

    /** Removes the pin of {@code address}; a no-op if none. */
    void unpin(String address);
}
