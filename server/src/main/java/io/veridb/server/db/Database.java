package io.veridb.server.db;

import io.veridb.kv.KvStore;
import io.veridb.ledger.Ledger;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Objects;

/** One loaded database: its ledger and the immudb data model on it. Closing closes the ledger. */
public final class Database implements AutoCloseable {
    private final String name;
    private final Path dir;
    private final Ledger ledger;
    private final KvStore kv;
    private final DatabaseNullableSettings settings;

    Database(String name, Path dir, Ledger ledger, DatabaseNullableSettings settings) {
        this.name = Objects.requireNonNull(name, "name");
        this.dir = Objects.requireNonNull(dir, "dir");
        this.ledger = Objects.requireNonNull(ledger, "ledger");
        this.kv = new KvStore(ledger);
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public String name() {
        return name;
    }

    public Path dir() {
        return dir;
    }

    public Ledger ledger() {
        return ledger;
    }

    public KvStore kv() {
        return kv;
    }

    /** The settings the database was loaded with. */
    public DatabaseNullableSettings settings() {
        return settings;
    }

    @Override
    public void close() throws IOException {
        ledger.close();
    }

    @Override
    public String toString() {
        return "Database[" + name + " @ " + dir + "]";
    }
}
