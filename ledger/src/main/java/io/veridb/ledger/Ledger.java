package io.veridb.ledger;

import io.veridb.proofs.DualProof;
import io.veridb.proofs.DualProofs;
import io.veridb.proofs.FoldingTree;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.HeaderSource;
import io.veridb.proofs.InclusionProof;
import io.veridb.proofs.TreeNodes;
import io.veridb.proofs.TxHeader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One database's tamper-evident ledger in a directory: tx and value logs, the node file of the append-only tree
 * over Alh values, and the key index. Thread-safe; one internal writer thread does all appends.
 *
 * <p>A commit's future completes after its batch is durable (fsync) and indexed, so a completed commit is
 * visible to every read. Reads return committed data only and check what they read: record CRCs, and
 * {@code H(value) == hValue} for values; damage is reported as {@link CorruptLogException}.
 *
 * <p>Directory layout: {@code tx/NNNNNNNN.txlog} ({@link TxLogFormat}), {@code val/NNNNNNNN.vlog}
 * ({@link ValueLogFormat}), {@code aht.nodes} ({@link NodeStore}), {@code tx.offsets} ({@link TxOffsets}),
 * {@code checkpoint} ({@link Checkpoint}), {@code index/} (RocksDB, {@link IndexCodec}) and {@code LOCK}.
 */
public final class Ledger implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Ledger.class);
    static final String LOCK_FILE = "LOCK";

    private final Path dir;
    private final LedgerOptions options;
    private final LogStore store;
    private final RocksIndex rocks;
    private final RocksKeyIndex keyIndex;
    private final Writer writer;
    private final Thread writerThread;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private final Object monitor = new Object();
    private final CopyOnWriteArrayList<CommitListener> listeners = new CopyOnWriteArrayList<>();
    private volatile LedgerState state;
    /**
     * The last transaction whose records can be read: at least {@link #state}'s, ahead of it while the writer
     * indexes a durable batch. Reads bound by it, because an index row can point at a transaction before it is
     * published.
     */
    private volatile long readableTxId;
    private volatile boolean closed;

    private Ledger(Path dir, LedgerOptions options, LogStore store, RocksIndex rocks, Recovery.Result recovered,
            FileChannel lockChannel, FileLock lock) {
        this.dir = dir;
        this.options = options;
        this.store = store;
        this.rocks = rocks;
        this.keyIndex = new RocksKeyIndex(rocks);
        this.lockChannel = lockChannel;
        this.lock = lock;
        this.state = new LedgerState(recovered.lastTxId(), recovered.lastAlh());
        this.readableTxId = recovered.lastTxId();
        this.writer = new Writer(store, rocks, keyIndex, options, recovered.lastTxId(), recovered.lastAlh(),
                recovered.checkpointTxId(), recovered.failure(), new Writer.Publisher() {
                    @Override
                    public void readable(long lastTxId) {
                        readableTxId = lastTxId;
                    }

                    @Override
                    public void published(long lastTxId, byte[] lastAlh) {
                        Ledger.this.published(lastTxId, lastAlh);
                    }
                });
        this.writerThread = new Thread(writer, "veridb-ledger-writer-" + dir.getFileName());
        this.writerThread.setDaemon(true);
    }

    /** Opens (creating if needed) the ledger in {@code dir} and recovers it; see the class comment. */
    public static Ledger open(Path dir, LedgerOptions options) throws IOException {
        return open(dir, options, FileIO.nio());
    }

    static Ledger open(Path dir, LedgerOptions options, FileIO io) throws IOException {
        Objects.requireNonNull(options, "options");
        io.createDirectories(dir);
        FileChannel lockChannel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock;
        try {
            lock = lockChannel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            lockChannel.close();
            throw new IOException("ledger " + dir + " is already open (LOCK is held)");
        }
        LogStore store = null;
        RocksIndex rocks = null;
        try {
            long t0 = System.nanoTime();
            store = LogStore.open(io, dir, false);
            long t1 = System.nanoTime();
            List<String> names = options.secondaryIndexes().stream().map(SecondaryIndex::name).toList();
            // RocksDB opens (loads its library, reads its manifest) while recovery re-checks the log
            CompletableFuture<RocksIndex> opening = new CompletableFuture<>();
            Thread opener = new Thread(() -> {
                try {
                    opening.complete(RocksIndex.open(dir, names));
                } catch (Throwable e) {
                    opening.completeExceptionally(e);
                }
            }, "veridb-ledger-open-index-" + dir.getFileName());
            opener.start();
            Recovery.Result r;
            try {
                r = Recovery.run(store, options, () -> awaitIndex(opening).indexedTxId());
            } finally {
                rocks = awaitIndex(opening);
            }
            long t2 = System.nanoTime();
            long t3 = t2;
            try {
                IndexReplay.catchUp(store, rocks, options.secondaryIndexes(), r.lastTxId());
            } catch (IndexReplay.IndexAheadException e) {
                LOG.warn("{}; rebuilding the index from the log", e.getMessage());
                rocks.close();
                rocks = null;
                deleteTree(dir.resolve(RocksIndex.DIR));
                rocks = RocksIndex.open(dir, names);
                IndexReplay.catchUp(store, rocks, options.secondaryIndexes(), r.lastTxId());
            }
            Ledger ledger = new Ledger(dir, options, store, rocks, r, lockChannel, lock);
            ledger.writerThread.start();
            long t4 = System.nanoTime();
            LOG.info("opened ledger {} at tx {} in {} ms (files {} ms, index open + recovery {} ms, index replay {} ms)",
                    dir, r.lastTxId(), (t4 - t0) / 1_000_000, (t1 - t0) / 1_000_000, (t2 - t1) / 1_000_000,
                    (t4 - t3) / 1_000_000);
            return ledger;
        } catch (IOException | RuntimeException e) {
            closeQuietly(rocks, e);
            closeQuietly(store, e);
            lock.release();
            lockChannel.close();
            throw e;
        }
    }

    private static RocksIndex awaitIndex(CompletableFuture<RocksIndex> opening) throws IOException {
        try {
            return opening.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while opening the index");
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof IOException io) {
                throw io;
            }
            throw new IOException("cannot open the index: " + e.getCause(), e.getCause());
        }
    }

    private static void closeQuietly(AutoCloseable c, Exception into) {
        if (c == null) {
            return;
        }
        try {
            c.close();
        } catch (Exception e) {
            into.addSuppressed(e);
        }
    }

    private static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    /** The directory this ledger lives in. */
    public Path dir() {
        return dir;
    }

    public LedgerOptions options() {
        return options;
    }

    // ---------------------------------------------------------------- writes

    /**
     * Commits one transaction with these entries. The future completes with the header once the transaction is
     * durable and indexed; it fails with {@link LimitExceededException} / {@link IllegalArgumentException} for a
     * bad request and with {@link LedgerFailedException} when the ledger refuses appends.
     */
    public CompletableFuture<TxHeader> commit(List<EntrySpec> entries) {
        Objects.requireNonNull(entries, "entries");
        CompletableFuture<TxHeader> f = new CompletableFuture<>();
        List<EntrySpec> copy = List.copyOf(entries);
        ByteKey[] keys;
        try {
            keys = TxValidator.check(copy, options);
        } catch (IllegalArgumentException e) {
            f.completeExceptionally(e);
            return f;
        }
        // hashing is pure: do it here, in parallel across callers, so the writer thread only chains
        PreparedEntries prepared = PreparedEntries.of(options.headerVersion(), copy, keys);
        writer.submit(new CommitRequest(copy, prepared, null, null, f, System.nanoTime()));
        return f;
    }

    /** Commits the entries {@code preparer} returns on the writer thread; see {@link TxPreparer}. */
    public CompletableFuture<TxHeader> commit(TxPreparer preparer) {
        Objects.requireNonNull(preparer, "preparer");
        CompletableFuture<TxHeader> f = new CompletableFuture<>();
        writer.submit(new CommitRequest(null, null, null, preparer, f, System.nanoTime()));
        return f;
    }

    /** Whether a commit has started loading the key filter (tests: a ledger that is only read never does). */
    boolean keyFilterStarted() {
        return writer.keyFilterStarted();
    }

    /** Why the ledger refuses appends (write failure or broken chain), if it does. */
    public Optional<IOException> failure() {
        return Optional.ofNullable(writer.failure());
    }

    private void published(long lastTxId, byte[] lastAlh) {
        synchronized (monitor) {
            state = new LedgerState(lastTxId, lastAlh);
            monitor.notifyAll();
        }
        for (CommitListener l : listeners) {
            try {
                l.committed(lastTxId);
            } catch (RuntimeException e) {
                LOG.warn("commit listener failed", e);
            }
        }
    }

    /**
     * Waits until transaction {@code txId} is committed (durable and indexed). Returns false on timeout.
     */
    public boolean awaitTx(long txId, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (monitor) {
            while (state.txId() < txId) {
                long left = deadline - System.nanoTime();
                if (left <= 0 || closed) {
                    return state.txId() >= txId;
                }
                monitor.wait(Math.max(1, left / 1_000_000), 0);
            }
            return true;
        }
    }

    /**
     * Registers a listener told after each batch is durable and indexed (see {@link CommitListener}); close the
     * returned handle to unregister.
     */
    public AutoCloseable onCommit(CommitListener listener) {
        Objects.requireNonNull(listener, "listener");
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    // ---------------------------------------------------------------- reads

    public long lastTxId() {
        return state.txId();
    }

    /** The last committed transaction and its Alh. */
    public LedgerState state() {
        return state;
    }

    private void checkTx(long txId) {
        long last = readableTxId;
        if (txId < 1 || txId > last) {
            throw new IllegalArgumentException("tx=" + txId + " is not committed, want 1.." + last);
        }
    }

    /** The header of committed transaction {@code txId}. */
    public TxHeader header(long txId) throws IOException {
        checkTx(txId);
        return store.header(txId, store.record(txId));
    }

    /** Committed transaction {@code txId}: header and entries (without values); the record's CRC is checked. */
    public Tx tx(long txId) throws IOException {
        checkTx(txId);
        TxRecord r = store.record(txId);
        return new Tx(store.header(txId, r), r.entries());
    }

    /** The stored value of entry {@code entryIndex} of {@code txId}, checked against its hValue. */
    public byte[] value(long txId, int entryIndex) throws IOException {
        checkTx(txId);
        return store.value(txId, entryIndex);
    }

    /** All entries of {@code txId} with their values, each checked against its hValue. */
    public List<EntrySpec> entries(long txId) throws IOException {
        checkTx(txId);
        return store.entriesWithValues(txId, store.record(txId));
    }

    /** The dual proof between committed transactions {@code 1 ≤ sourceTxId ≤ targetTxId} (spec §3.8). */
    public DualProof dualProof(long sourceTxId, long targetTxId) throws IOException {
        checkTx(targetTxId);
        if (sourceTxId < 1 || sourceTxId > targetTxId) {
            throw new IllegalArgumentException(Kv.kv("source", sourceTxId, "target", targetTxId)
                    + ", want 1 <= source <= target");
        }
        // the headers' blRoots and the proof's tree ranges share one folding view: T's blRoot folds the right edge
        // that the inclusion and consistency proofs need again
        FoldingTree tree = new FoldingTree(store.nodes);
        HeaderCache headers = new HeaderCache(new HeaderSource() {
            @Override
            public TxHeader header(long id) {
                try {
                    return LogStore.header(id, store.record(id), store.nodes.alh(id - 1), tree);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public byte[] alh(long id) {
                return store.nodes.alh(id);
            }
        });
        try {
            return DualProofs.build(headers, tree, sourceTxId, targetTxId);
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** The inclusion proof of entry {@code entryIndex} in the entries tree (eH) of {@code txId}. */
    public InclusionProof entryInclusionProof(long txId, int entryIndex) throws IOException {
        checkTx(txId);
        TxRecord r = store.record(txId);
        if (entryIndex < 0 || entryIndex >= r.entries().size()) {
            throw new IllegalArgumentException(Kv.kv("entryIndex", entryIndex, "nentries", r.entries().size(),
                    "tx", txId));
        }
        return io.veridb.proofs.EntriesTree.proof(r.digests(), entryIndex);
    }

    /** The append-only tree over Alh values; callers may read nodes of trees up to {@link #lastTxId()} leaves. */
    public TreeNodes treeNodes() {
        return store.nodes;
    }

    /** Alh of committed transaction {@code txId} ({@code H("")} for 0), read from the node file. */
    public byte[] alh(long txId) {
        if (txId == 0) {
            return Hashes.empty();
        }
        checkTx(txId);
        return store.nodes.alh(txId);
    }

    /** The key index over committed transactions. */
    public KeyIndex index() {
        return keyIndex;
    }

    /** Reads the secondary index registered under {@code name}. */
    public SecondaryIndexReader secondaryIndex(String name) {
        if (options.secondaryIndexes().stream().noneMatch(s -> s.name().equals(name))) {
            throw new IllegalArgumentException("no secondary index named \"" + name + "\" is registered");
        }
        return new RocksKeyIndex.Secondary(rocks, name);
    }

    // ---------------------------------------------------------------- lifecycle

    /** Finishes queued commits, makes the derived files durable, flushes the index and closes every file. */
    @Override
    public void close() throws IOException {
        close(false);
    }

    /**
     * Closes as a killed process would leave the files: no final checkpoint and the index's memtables dropped
     * (the page cache keeps what was written). For tests.
     */
    void crashForTest() throws IOException {
        close(true);
    }

    private void close(boolean crash) throws IOException {
        if (closed) {
            return;
        }
        closed = true;
        writer.stop(crash);
        try {
            writerThread.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        synchronized (monitor) {
            monitor.notifyAll();
        }
        IOException err = null;
        try {
            rocks.close(!crash);
        } catch (IOException e) {
            err = e;
        }
        try {
            store.close();
        } catch (IOException e) {
            err = err == null ? e : err;
        }
        lock.release();
        lockChannel.close();
        if (err != null) {
            throw err;
        }
    }
}
