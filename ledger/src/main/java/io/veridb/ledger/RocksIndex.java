package io.veridb.ledger;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rocksdb.BlockBasedTableConfig;
import org.rocksdb.BloomFilter;
import org.rocksdb.ColumnFamilyDescriptor;
import org.rocksdb.ColumnFamilyHandle;
import org.rocksdb.ColumnFamilyOptions;
import org.rocksdb.CompressionType;
import org.rocksdb.DBOptions;
import org.rocksdb.FlushOptions;
import org.rocksdb.Options;
import org.rocksdb.RocksDB;
import org.rocksdb.RocksDBException;
import org.rocksdb.WriteBatch;
import org.rocksdb.WriteOptions;

/**
 * The RocksDB instance under {@code index/}: column families of {@link IndexCodec}. The RocksDB WAL is off (the
 * ledger's log is the source of truth) and flushes are atomic across column families, so the "indexed up to"
 * markers always agree with the data that survived a crash; the ledger replays the rest from its log.
 */
final class RocksIndex implements Closeable {

    static final String DIR = "index";

    static {
        RocksDB.loadLibrary();
    }

    private final RocksDB db;
    private final DBOptions dbOptions;
    private final ColumnFamilyOptions cfOptions;
    private final WriteOptions writeOptions;
    private final List<ColumnFamilyHandle> handles;
    private final ColumnFamilyHandle defaultCf;
    private final ColumnFamilyHandle latestCf;
    private final ColumnFamilyHandle historyCf;
    private final Map<String, ColumnFamilyHandle> secondaryCfs;

    private RocksIndex(RocksDB db, DBOptions dbo, ColumnFamilyOptions cfo, List<ColumnFamilyHandle> handles,
            Map<String, ColumnFamilyHandle> byName) {
        this.db = db;
        this.dbOptions = dbo;
        this.cfOptions = cfo;
        this.handles = handles;
        this.writeOptions = new WriteOptions().setDisableWAL(true).setSync(false);
        this.defaultCf = byName.get(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.US_ASCII));
        this.latestCf = byName.get(IndexCodec.CF_LATEST);
        this.historyCf = byName.get(IndexCodec.CF_HISTORY);
        Map<String, ColumnFamilyHandle> sx = new HashMap<>();
        byName.forEach((name, h) -> {
            if (name.startsWith(IndexCodec.CF_SECONDARY_PREFIX)) {
                sx.put(name.substring(IndexCodec.CF_SECONDARY_PREFIX.length()), h);
            }
        });
        this.secondaryCfs = sx;
    }

    static RocksIndex open(Path ledgerDir, List<String> secondaryNames) throws IOException {
        Path path = ledgerDir.resolve(DIR);
        Files.createDirectories(path);
        List<String> names = new ArrayList<>();
        names.add(new String(RocksDB.DEFAULT_COLUMN_FAMILY, StandardCharsets.US_ASCII));
        names.add(IndexCodec.CF_LATEST);
        names.add(IndexCodec.CF_HISTORY);
        try (Options o = new Options()) {
            for (byte[] existing : RocksDB.listColumnFamilies(o, path.toString())) {
                String n = new String(existing, StandardCharsets.US_ASCII);
                if (!names.contains(n)) {
                    names.add(n);
                }
            }
        } catch (RocksDBException e) {
            throw new IOException("cannot list index column families in " + path + ": " + e.getMessage(), e);
        }
        for (String s : secondaryNames) {
            if (!names.contains(IndexCodec.CF_SECONDARY_PREFIX + s)) {
                names.add(IndexCodec.CF_SECONDARY_PREFIX + s);
            }
        }
        DBOptions dbo = new DBOptions().setCreateIfMissing(true).setCreateMissingColumnFamilies(true)
                .setAtomicFlush(true).setMaxBackgroundJobs(2).setKeepLogFileNum(2)
                .setSkipStatsUpdateOnDbOpen(true).setSkipCheckingSstFileSizesOnDbOpen(true)
                .setInfoLogLevel(org.rocksdb.InfoLogLevel.WARN_LEVEL);
        BlockBasedTableConfig table = new BlockBasedTableConfig().setFilterPolicy(new BloomFilter(10, false))
                .setBlockSize(16 * 1024).setFormatVersion(5);
        ColumnFamilyOptions cfo = new ColumnFamilyOptions().setCompressionType(CompressionType.LZ4_COMPRESSION)
                .setTableFormatConfig(table).setLevelCompactionDynamicLevelBytes(true)
                .setWriteBufferSize(64L << 20).setMemtablePrefixBloomSizeRatio(0.1)
                .setMemtableWholeKeyFiltering(true);
        List<ColumnFamilyDescriptor> descs = new ArrayList<>();
        for (String n : names) {
            descs.add(new ColumnFamilyDescriptor(n.getBytes(StandardCharsets.US_ASCII), cfo));
        }
        List<ColumnFamilyHandle> handles = new ArrayList<>();
        try {
            RocksDB db = RocksDB.open(dbo, path.toString(), descs, handles);
            Map<String, ColumnFamilyHandle> byName = new HashMap<>();
            for (int i = 0; i < names.size(); i++) {
                byName.put(names.get(i), handles.get(i));
            }
            RocksIndex idx = new RocksIndex(db, dbo, cfo, handles, byName);
            idx.checkFormat();
            return idx;
        } catch (RocksDBException e) {
            dbo.close();
            cfo.close();
            throw new IOException("cannot open the key index in " + path + ": " + e.getMessage(), e);
        }
    }

    private void checkFormat() throws IOException {
        byte[] v = get(defaultCf, IndexCodec.FORMAT_KEY);
        if (v == null) {
            put(defaultCf, IndexCodec.FORMAT_KEY, IndexCodec.u64(IndexCodec.FORMAT_VERSION));
        } else if (IndexCodec.u64(v) != IndexCodec.FORMAT_VERSION) {
            throw new IOException("key index " + Kv.kv("format", IndexCodec.u64(v), "want",
                    IndexCodec.FORMAT_VERSION) + "; delete the index directory to rebuild it from the log");
        }
    }

    RocksDB db() {
        return db;
    }

    ColumnFamilyHandle latestCf() {
        return latestCf;
    }

    ColumnFamilyHandle historyCf() {
        return historyCf;
    }

    ColumnFamilyHandle defaultCf() {
        return defaultCf;
    }

    ColumnFamilyHandle secondaryCf(String name) {
        ColumnFamilyHandle h = secondaryCfs.get(name);
        if (h == null) {
            throw new IllegalArgumentException("no secondary index named \"" + name + "\"; registered: "
                    + secondaryCfs.keySet());
        }
        return h;
    }

    /** Transactions 1…n are in the key index. */
    long indexedTxId() throws IOException {
        byte[] v = get(defaultCf, IndexCodec.MARKER);
        return v == null ? 0 : IndexCodec.u64(v);
    }

    long secondaryIndexedTxId(String name) throws IOException {
        byte[] v = get(defaultCf, IndexCodec.secondaryMarker(name));
        return v == null ? 0 : IndexCodec.u64(v);
    }

    byte[] get(ColumnFamilyHandle cf, byte[] key) throws IOException {
        try {
            return db.get(cf, key);
        } catch (RocksDBException e) {
            throw new IOException("key index read failed: " + e.getMessage(), e);
        }
    }

    private void put(ColumnFamilyHandle cf, byte[] key, byte[] value) throws IOException {
        try (WriteBatch wb = new WriteBatch()) {
            wb.put(cf, key, value);
            write(wb);
        } catch (RocksDBException e) {
            throw new IOException("key index write failed: " + e.getMessage(), e);
        }
    }

    void write(WriteBatch wb) throws IOException {
        try {
            db.write(writeOptions, wb);
        } catch (RocksDBException e) {
            throw new IOException("key index write failed: " + e.getMessage(), e);
        }
    }

    /** Persists memtables (all column families at once). */
    void flush() throws IOException {
        try (FlushOptions fo = new FlushOptions().setWaitForFlush(true)) {
            db.flush(fo, handles);
        } catch (RocksDBException e) {
            throw new IOException("key index flush failed: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        close(true);
    }

    /** Closes; without {@code flush} memtables are dropped, as in a crash (tests). */
    void close(boolean flush) throws IOException {
        IOException err = null;
        try {
            if (flush) {
                flush();
            } else {
                db.setDBOptions(org.rocksdb.MutableDBOptions.builder().setAvoidFlushDuringShutdown(true).build());
            }
        } catch (IOException e) {
            err = e;
        } catch (RocksDBException e) {
            err = new IOException(e);
        }
        for (ColumnFamilyHandle h : handles) {
            h.close();
        }
        db.close();
        writeOptions.close();
        dbOptions.close();
        cfOptions.close();
        if (err != null) {
            throw err;
        }
    }
}
