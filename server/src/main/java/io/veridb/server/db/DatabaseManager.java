package io.veridb.server.db;

import io.veridb.ledger.Ledger;
import io.veridb.ledger.SecondaryIndex;
import io.veridb.protocol.immudb.DatabaseInfo;
import io.veridb.protocol.immudb.DatabaseNullableSettings;
import io.veridb.server.auth.UserStore;
import io.veridb.server.db.DatabaseException.Reason;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The databases of one server, one directory (and ledger) each under the data directory. {@code systemdb} is
 * always open and holds the catalog ({@link SystemCatalog}) of users and database settings; {@code defaultdb} is
 * created on first start. Management operations are serialised; {@link #get} is lock-free.
 */
public final class DatabaseManager implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(DatabaseManager.class);

    /** A database as listed: its catalog entry and, if loaded, the open database. */
    public record Listed(DatabaseInfo info, Database database) {
        public boolean loaded() {
            return database != null;
        }
    }

    /** Result of a create: the settings in force and whether the database was already there. */
    public record Created(String name, DatabaseNullableSettings settings, boolean alreadyExisted) {}

    private final Path root;
    private final Supplier<List<SecondaryIndex>> indexes;
    private final Clock clock;
    private final Database system;
    private final SystemCatalog catalog;
    private final Map<String, DatabaseInfo> known = new ConcurrentHashMap<>();
    private final Map<String, Database> loaded = new ConcurrentHashMap<>();
    private final Set<String> pinned = ConcurrentHashMap.newKeySet();

    private DatabaseManager(Path root, Supplier<List<SecondaryIndex>> indexes, Clock clock, Database system) {
        this.root = root;
        this.indexes = indexes;
        this.clock = clock;
        this.system = system;
        this.catalog = new SystemCatalog(system.kv());
    }

    /**
     * Opens {@code systemdb} under {@code root} (creating it), ensures {@code defaultdb} exists and loads every
     * database whose autoload setting is not false.
     *
     * @param indexes fresh secondary-index instances for each ledger opened (the DCB event indexes)
     */
    public static DatabaseManager open(Path root, Supplier<List<SecondaryIndex>> indexes, Clock clock)
            throws IOException {
        Files.createDirectories(root);
        DatabaseNullableSettings systemSettings = Settings.defaults();
        Path dir = root.resolve(DatabaseNames.SYSTEM_DB);
        Ledger ledger = Ledger.open(dir, Settings.ledgerOptions(systemSettings, indexes.get()));
        Database system = new Database(DatabaseNames.SYSTEM_DB, dir, ledger, systemSettings);
        DatabaseManager m = new DatabaseManager(root, indexes, clock, system);
        try {
            m.start();
        } catch (IOException | RuntimeException e) {
            m.close();
            throw e;
        }
        return m;
    }

    private void start() throws IOException {
        for (DatabaseInfo info : catalog.loadDatabases()) {
            known.put(info.getName(), info);
        }
        if (!known.containsKey(DatabaseNames.DEFAULT_DB)) {
            DatabaseInfo info = newInfo(DatabaseNames.DEFAULT_DB, Settings.defaults(), "");
            catalog.saveDatabase(info);
            known.put(info.getName(), info);
            LOG.info("created database '{}'", DatabaseNames.DEFAULT_DB);
        }
        for (DatabaseInfo info : sortedInfos()) {
            if (Settings.autoload(info.getSettings()) || DatabaseNames.DEFAULT_DB.equals(info.getName())) {
                openLedger(info);
            }
        }
    }

    /** The store of users (systemdb). */
    public UserStore userStore() {
        return catalog;
    }

    /** The system database (never served to data RPCs). */
    public Database system() {
        return system;
    }

    /** True if {@code name} is a database of this server (including systemdb). */
    public boolean exists(String name) {
        return DatabaseNames.SYSTEM_DB.equals(name) || known.containsKey(name);
    }

    /** True if {@code name} is loaded (systemdb always is). */
    public boolean isLoaded(String name) {
        return DatabaseNames.SYSTEM_DB.equals(name) || loaded.containsKey(name);
    }

    /** The loaded database {@code name}; NOT_EXISTS if unknown, NOT_LOADED if unloaded. */
    public Database get(String name) {
        Database db = DatabaseNames.SYSTEM_DB.equals(name) ? system : loaded.get(name);
        if (db != null) {
            return db;
        }
        throw new DatabaseException(known.containsKey(name) ? Reason.NOT_LOADED : Reason.NOT_EXISTS);
    }

    /** The catalog entry of {@code name}; NOT_EXISTS if unknown. */
    public DatabaseInfo info(String name) {
        DatabaseInfo info = known.get(name);
        if (info == null) {
            throw new DatabaseException(Reason.NOT_EXISTS);
        }
        return info;
    }

    /** Refuses unload and delete of {@code name} (the database the DCB face serves). */
    public void pin(String name) {
        pinned.add(name);
    }

    /**
     * Creates and loads database {@code name} (already lower-cased and validated by the caller) with
     * {@code settings} over the defaults. With {@code ifNotExists} an existing database is reported, not refused.
     */
    public synchronized Created create(
            String name, DatabaseNullableSettings settings, boolean ifNotExists, String createdBy) throws IOException {
        if (exists(name)) {
            if (!ifNotExists) {
                throw new DatabaseException(Reason.ALREADY_EXISTS);
            }
            return new Created(name, info(name).getSettings(), true);
        }
        DatabaseNullableSettings effective = Settings.overlay(Settings.defaults(), settings);
        Settings.validate(effective);
        DatabaseInfo info = newInfo(name, effective, createdBy);
        catalog.saveDatabase(info);
        known.put(name, info);
        openLedger(info);
        LOG.info("created database '{}' (by {})", name, createdBy);
        return new Created(name, effective, false);
    }

    /** Loads an unloaded database. */
    public synchronized void load(String name) throws IOException {
        DatabaseInfo info = info(name);
        if (loaded.containsKey(name)) {
            throw new DatabaseException(Reason.ALREADY_LOADED);
        }
        openLedger(info);
    }

    /** Unloads (closes) a loaded database. */
    public synchronized void unload(String name) throws IOException {
        info(name);
        refuseIfPinned(name, "unloaded");
        Database db = loaded.remove(name);
        if (db == null) {
            throw new DatabaseException(Reason.NOT_LOADED);
        }
        db.close();
        LOG.info("unloaded database '{}'", name);
    }

    /** Deletes an unloaded database: its catalog entry and its directory. */
    public synchronized void delete(String name) throws IOException {
        info(name);
        refuseIfPinned(name, "deleted");
        if (loaded.containsKey(name)) {
            throw new DatabaseException(Reason.DELETE_OPEN);
        }
        catalog.deleteDatabase(name);
        known.remove(name);
        deleteTree(root.resolve(name));
        LOG.info("deleted database '{}'", name);
    }

    /** Overlays {@code update} onto the stored settings (limits cannot change); applies from the next load. */
    public synchronized DatabaseNullableSettings update(String name, DatabaseNullableSettings update) {
        DatabaseInfo info = info(name);
        Settings.checkUpdatable(update, name);
        DatabaseNullableSettings merged = Settings.overlay(info.getSettings(), update);
        Settings.validate(merged);
        DatabaseInfo next = info.toBuilder().setSettings(merged).build();
        catalog.saveDatabase(next);
        known.put(name, next);
        return merged;
    }

    /** Every user database (not systemdb), in name order. */
    public List<Listed> list() {
        List<Listed> out = new ArrayList<>();
        for (DatabaseInfo info : sortedInfos()) {
            out.add(new Listed(info, loaded.get(info.getName())));
        }
        return out;
    }

    /** Bytes on disk under a database's directory (0 if absent). */
    public long diskSize(String name) {
        long total = 0;
        try (Stream<Path> files = Files.walk(root.resolve(name))) {
            for (Path p : files.filter(Files::isRegularFile).toList()) {
                total += Files.size(p);
            }
        } catch (IOException | RuntimeException e) {
            // A file vanished while walking (RocksDB compaction): report what was counted.
            LOG.debug("disk size of '{}' is approximate: {}", name, e.toString());
        }
        return total;
    }

    @Override
    public synchronized void close() {
        for (Database db : loaded.values()) {
            closeQuietly(db);
        }
        loaded.clear();
        closeQuietly(system);
    }

    private void openLedger(DatabaseInfo info) throws IOException {
        Path dir = root.resolve(info.getName());
        Ledger ledger = Ledger.open(dir, Settings.ledgerOptions(info.getSettings(), indexes.get()));
        loaded.put(info.getName(), new Database(info.getName(), dir, ledger, info.getSettings()));
        LOG.info("loaded database '{}' (last tx {})", info.getName(), ledger.lastTxId());
    }

    private void refuseIfPinned(String name, String what) {
        if (pinned.contains(name)) {
            throw new DatabaseException(Reason.IN_USE,
                    "database '" + name + "' is served by the DCB face and cannot be " + what);
        }
    }

    private List<DatabaseInfo> sortedInfos() {
        List<DatabaseInfo> infos = new ArrayList<>(known.values());
        infos.sort(Comparator.comparing(DatabaseInfo::getName));
        return infos;
    }

    private DatabaseInfo newInfo(String name, DatabaseNullableSettings settings, String createdBy) {
        return DatabaseInfo.newBuilder()
                .setName(name)
                .setSettings(settings)
                .setCreatedAt(clock.instant().getEpochSecond())
                .setCreatedBy(createdBy)
                .build();
    }

    private static void deleteTree(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    private static void closeQuietly(Database db) {
        try {
            db.close();
        } catch (IOException | RuntimeException e) {
            LOG.warn("closing {} failed", db, e);
        }
    }
}
