package io.veridb.ledger;

import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.TxMetadata;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The single writer of a ledger (runs on its own thread). Collects requests into a batch as {@link FlushPolicy}
 * says, hashes each transaction as it is accepted, then writes values and records and forces them once for the
 * whole batch (only the tx log when every value of the batch is inline: each forced file costs its own device
 * flush), writes the derived node and offset slots, indexes the batch in one RocksDB write, publishes
 * the new state and completes the futures. Any I/O error fails the ledger for good (fail-stop).
 */
final class Writer implements Runnable {

    private static final Logger LOG = LoggerFactory.getLogger(Writer.class);

    /** Told when a batch is readable (durable, its records, nodes and offsets written) and when it is indexed. */
    interface Publisher {
        /** Before the batch's index rows become visible: a reader that finds them can read the transactions. */
        void readable(long lastTxId);

        void published(long lastTxId, byte[] lastAlh);
    }

    private record Staged(CommitRequest request, List<EntrySpec> entries, TxRecord record, TxHeader header) {}

    private final LogStore store;
    private final RocksIndex rocks;
    private final KeyIndex keyIndex;
    private final LedgerOptions options;
    private final FlushPolicy policy;
    private final Publisher publisher;
    private final LinkedBlockingQueue<CommitRequest> queue = new LinkedBlockingQueue<>();
    /**
     * Created with the {@link KnownKeys} it owns when the first request arrives: a ledger that is only read never
     * pays for loading its keys (a background scan of the whole key index).
     */
    private IndexBatch indexBatch;
    private KnownKeys knownKeys;
    private volatile boolean keyFilterStarted;
    private final PendingNodes pending;
    private final List<Staged> staged = new ArrayList<>();
    private final List<PendingTx> pendingTxs = new ArrayList<>();
    private final java.util.concurrent.ExecutorService fsyncHelper;
    private volatile IOException failure;
    private volatile boolean stopping;

    private long lastTxId;
    private byte[] lastAlh;
    private byte[] tailAlh;
    private ByteBuffer values = ByteBuffer.allocate(1 << 16);
    private long batchBytes;
    private long batchValueStart;
    /** Whether this batch may keep small values inline (the tx segment's format version allows it). */
    private boolean inlineAllowed;
    private long checkpointTxId;
    private long lastCheckpointNanos = System.nanoTime();
    private long bytesSinceCheckpoint;

    Writer(LogStore store, RocksIndex rocks, KeyIndex keyIndex, LedgerOptions options, long lastTxId,
            byte[] lastAlh, long checkpointTxId, IOException failure, Publisher publisher) {
        this.store = store;
        this.rocks = rocks;
        this.keyIndex = keyIndex;
        this.options = options;
        this.policy = options.flushPolicy();
        this.publisher = publisher;
        this.pending = new PendingNodes(store.nodes, lastTxId);
        this.lastTxId = lastTxId;
        this.lastAlh = lastAlh.clone();
        this.checkpointTxId = checkpointTxId;
        this.failure = failure;
        String name = "veridb-ledger-fsync-" + store.dir.getFileName();
        this.fsyncHelper = java.util.concurrent.Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        });
    }

    IOException failure() {
        return failure;
    }

    /** Queues a request; fails it at once if the ledger is failed or closing. */
    void submit(CommitRequest r) {
        IOException f = failure;
        if (f != null) {
            r.future().completeExceptionally(new LedgerFailedException("ledger refuses appends: " + f.getMessage(), f));
            return;
        }
        if (stopping) {
            r.future().completeExceptionally(new LedgerFailedException("ledger is closed", null));
            return;
        }
        queue.add(r);
    }

    private volatile boolean skipFinalCheckpoint;

    /** Asks the thread to finish queued work and stop; {@code crash} skips the final checkpoint (tests). */
    void stop(boolean crash) {
        skipFinalCheckpoint = crash;
        stopping = true;
        queue.add(CommitRequest.STOP);
    }

    @Override
    public void run() {
        try {
            loop();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException | Error e) {
            LOG.error("ledger writer died", e);
            fail(new IOException("writer thread died: " + e, e));
        } finally {
            CommitRequest r;
            while ((r = queue.poll()) != null) {
                if (r != CommitRequest.STOP) {
                    r.future().completeExceptionally(new LedgerFailedException("ledger is closed", failure));
                }
            }
            if (failure == null && !skipFinalCheckpoint) {
                try {
                    checkpoint();
                } catch (IOException e) {
                    LOG.warn("final checkpoint failed; recovery will re-derive the tail", e);
                }
            }
            if (indexBatch != null) {
                indexBatch.close();
            }
            if (knownKeys != null) {
                knownKeys.close();
            }
            fsyncHelper.shutdown();
        }
    }

    private void loop() throws InterruptedException {
        long idlePoll = Math.max(1_000_000L, Math.min(options.checkpointIntervalNanos(), 100_000_000L));
        for (;;) {
            CommitRequest first = queue.poll(idlePoll, TimeUnit.NANOSECONDS);
            if (first == null) {
                maybeCheckpoint();
                continue;
            }
            if (first == CommitRequest.STOP) {
                return;
            }
            boolean stop = collect(first);
            if (!staged.isEmpty()) {
                flush();
            }
            maybeCheckpoint();
            if (stop) {
                return;
            }
        }
    }

    /** Accepts requests into the batch until the policy says flush; returns true if STOP was seen. */
    private boolean collect(CommitRequest first) throws InterruptedException {
        beginBatch();
        accept(first);
        long oldest = first.queuedNanos();
        for (;;) {
            boolean more = !queue.isEmpty();
            if (staged.isEmpty() && !more) {
                return false;
            }
            long waited = staged.isEmpty() ? 0 : System.nanoTime() - oldest;
            if (policy.shouldFlush(staged.size(), batchBytes, waited, more)) {
                return false;
            }
            CommitRequest next = more ? queue.poll()
                    : queue.poll(Math.max(1, policy.maxGroupWaitNanos() - waited), TimeUnit.NANOSECONDS);
            if (next == null) {
                continue;
            }
            if (next == CommitRequest.STOP) {
                return true;
            }
            if (staged.isEmpty()) {
                oldest = next.queuedNanos();
            }
            accept(next);
        }
    }

    private void beginBatch() {
        if (failure != null) {
            return;
        }
        try {
            if (store.valueLog.currentSegmentBytes() >= options.segmentBytes()) {
                store.valueLog.roll();
            }
            if (store.txLog.currentSegmentBytes() >= options.segmentBytes()) {
                store.txLog.roll();
            }
        } catch (IOException e) {
            fail(e);
        }
        values.clear();
        batchBytes = 0;
        batchValueStart = store.valueLog.position();
        inlineAllowed = store.txLog.currentVersion() >= TxLogFormat.INLINE_VALUES_SINCE;
    }

    /** Whether the first request has started the key filter (tests). */
    boolean keyFilterStarted() {
        return keyFilterStarted;
    }

    private void accept(CommitRequest r) {
        IOException f = failure;
        if (f != null) {
            r.future().completeExceptionally(new LedgerFailedException("ledger refuses appends: " + f.getMessage(), f));
            return;
        }
        if (indexBatch == null) { // before anything is staged, as KnownKeys requires
            knownKeys = new KnownKeys(rocks, "veridb-ledger-keyfilter-" + store.dir.getFileName());
            indexBatch = new IndexBatch(rocks, options.secondaryIndexes(), knownKeys);
            keyFilterStarted = true;
        }
        PreparedEntries prepared;
        try {
            if (r.prepared() != null) {
                prepared = r.prepared();
            } else {
                List<EntrySpec> entries = List.copyOf(r.preparer().prepare(view()));
                prepared = PreparedEntries.of(options.headerVersion(), entries, TxValidator.check(entries, options));
            }
        } catch (TxRejectedException | IllegalArgumentException e) {
            r.future().completeExceptionally(e);
            return;
        } catch (RuntimeException e) {
            LOG.warn("transaction preparer failed", e);
            r.future().completeExceptionally(e);
            return;
        }
        try {
            stage(r, prepared);
        } catch (IOException | UncheckedIOException e) {
            IOException io = e instanceof IOException ioe ? ioe : ((UncheckedIOException) e).getCause();
            r.future().completeExceptionally(new LedgerFailedException("staging failed: " + io.getMessage(), io));
            fail(io);
        }
    }

    private PendingView view() {
        long next = lastTxId + staged.size() + 1;
        List<PendingTx> txs = java.util.Collections.unmodifiableList(pendingTxs);
        return new PendingView() {
            @Override
            public long nextTxId() {
                return next;
            }

            @Override
            public List<PendingTx> pendingTxs() {
                return txs;
            }

            @Override
            public Optional<KeyVersion> latest(byte[] key) {
                try {
                    return indexBatch.latest(key);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public KeyIndex index() {
                return keyIndex;
            }
        };
    }

    private void stage(CommitRequest r, PreparedEntries p) throws IOException {
        long id = lastTxId + staged.size() + 1;
        int version = p.version();
        List<EntrySpec> entries = p.entries();
        long valuesLength = 0;
        for (EntrySpec e : entries) {
            valuesLength += e.rawValue().length;
        }
        boolean inline = inlineAllowed && valuesLength <= options.inlineValuesBytes();
        long valuePos = -1; // inline: known once the batch's records are laid out (encodeRecords)
        if (!inline) {
            valuePos = batchValueStart + values.position();
            for (EntrySpec e : entries) {
                byte[] v = e.rawValue();
                ensureValueRoom(v.length);
                values.put(v);
            }
        }
        byte[] eH = p.eH();
        byte[] prevAlh = staged.isEmpty() ? lastAlh : tailAlh;
        long ts = options.clock().instant().getEpochSecond();
        TxRecord rec = new TxRecord(inline ? TxLogFormat.FLAG_VALUES_INLINE : 0, ts, version, TxMetadata.EMPTY,
                entries.size() > 1 ? eH : null, valuePos, p.txEntries());
        TxHeader header = new TxHeader(id, prevAlh, ts, version, TxMetadata.EMPTY, entries.size(), eH, id - 1,
                id == 1 ? Hashes.zero() : io.veridb.proofs.AppendOnlyTree.root(pending, id - 1));
        tailAlh = header.alh();
        pending.append(tailAlh);
        indexBatch.addAll(id, p.txEntries(), p.keys());
        staged.add(new Staged(r, entries, rec, header));
        pendingTxs.add(new PendingTx(id, entries));
        batchBytes += rec.valuesLength() + 64 + 80L * entries.size();
    }

    private void ensureValueRoom(int n) {
        if (values.remaining() >= n) {
            return;
        }
        long want = Math.max((long) values.capacity() * 2, (long) values.position() + n);
        ByteBuffer bigger = ByteBuffer.allocate(Math.toIntExact(Math.min(want, Integer.MAX_VALUE - 8)));
        values.flip();
        bigger.put(values);
        values = bigger;
    }

    private void flush() {
        if (failure != null) {
            failBatch(failure);
            return;
        }
        long firstId = lastTxId + 1;
        Staged last = staged.get(staged.size() - 1);
        try {
            ByteBuffer offsets = ByteBuffer.allocate(8 * staged.size());
            ByteBuffer records = encodeRecords(firstId, store.txLog.position(), offsets);
            values.flip();
            long written = values.remaining() + records.remaining();
            if (values.hasRemaining()) { // values before the records that point at them
                store.valueLog.append(values);
                store.txLog.append(records);
                forceBothLogs();
            } else { // every value of the batch is inline: one forced file
                store.txLog.append(records);
                store.txLog.force();
            }
            store.nodes.write(pending.firstSlot(), pending.slotBytes());
            store.offsets.write(firstId, offsets.flip());
            publisher.readable(last.header().id());
            for (Staged s : staged) {
                indexBatch.addSecondary(s.header().id(), s.entries(), null);
            }
            java.util.Map<String, Long> marks = new java.util.HashMap<>();
            for (SecondaryIndex s : options.secondaryIndexes()) {
                marks.put(s.name(), last.header().id());
            }
            indexBatch.mark(last.header().id(), marks);
            indexBatch.commit();
            bytesSinceCheckpoint += written;
        } catch (IOException | RuntimeException e) {
            IOException io = e instanceof IOException ioe ? ioe : new IOException("batch failed: " + e, e);
            LOG.error("write failed; the ledger refuses appends until reopened", io);
            fail(io);
            failBatch(io);
            return;
        }
        lastTxId = last.header().id();
        lastAlh = tailAlh;
        pending.reset(lastTxId);
        publisher.published(lastTxId, lastAlh);
        for (Staged s : staged) {
            s.request().future().complete(s.header());
        }
        staged.clear();
        pendingTxs.clear();
    }

    /** Forces the value log on the helper thread while this thread forces the tx log: one fsync latency. */
    private void forceBothLogs() throws IOException {
        java.util.concurrent.Future<?> values = fsyncHelper.submit(() -> {
            store.valueLog.force();
            return null;
        });
        IOException txErr = null;
        try {
            store.txLog.force();
        } catch (IOException e) {
            txErr = e;
        }
        try {
            values.get();
        } catch (java.util.concurrent.ExecutionException e) {
            IOException v = e.getCause() instanceof IOException io ? io : new IOException(e.getCause());
            if (txErr != null) {
                txErr.addSuppressed(v);
            } else {
                txErr = v;
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while forcing the value log");
        }
        if (txErr != null) {
            throw txErr;
        }
    }

    /**
     * Lays out the batch's records from tx-log position {@code txPos}, each followed by its inline values, and puts
     * each record's position into {@code offsets}.
     */
    private ByteBuffer encodeRecords(long firstId, long txPos, ByteBuffer offsets) {
        int[] lengths = new int[staged.size()];
        long total = 0;
        for (int i = 0; i < staged.size(); i++) {
            TxRecord r = staged.get(i).record();
            lengths[i] = recordLength(r);
            total += lengths[i] + (r.valuesInline() ? r.valuesLength() : 0);
        }
        ByteBuffer out = ByteBuffer.allocate(Math.toIntExact(total));
        for (int i = 0; i < staged.size(); i++) {
            Staged s = staged.get(i);
            TxRecord r = s.record();
            long recordPos = txPos + out.position();
            offsets.putLong(recordPos);
            int flags = i == staged.size() - 1 ? TxLogFormat.FLAG_BATCH_END : 0;
            if (flags != 0 || r.valuesInline()) {
                r = r.with(flags, r.valuesInline() ? recordPos + lengths[i] : r.valuePos());
            }
            TxLogFormat.write(out, firstId + i, r);
            if (r.valuesInline()) {
                for (EntrySpec e : s.entries()) {
                    out.put(e.rawValue());
                }
            }
        }
        return out.flip();
    }

    private static int recordLength(TxRecord r) {
        long keysAndMd = 0;
        for (TxEntry e : r.entries()) {
            keysAndMd += e.rawKey().length + e.metadata().encodedLength();
        }
        return TxLogFormat.recordLength(r.entries().size(), r.txMetadata().encode().length, keysAndMd);
    }

    private void failBatch(IOException cause) {
        for (Staged s : staged) {
            s.request().future().completeExceptionally(
                    new LedgerFailedException("commit failed: " + cause.getMessage(), cause));
        }
        staged.clear();
        pendingTxs.clear();
    }

    private void fail(IOException e) {
        if (failure == null) {
            failure = e;
        }
    }

    private void maybeCheckpoint() {
        if (failure != null || checkpointTxId == lastTxId) {
            return;
        }
        boolean due = System.nanoTime() - lastCheckpointNanos >= options.checkpointIntervalNanos()
                || bytesSinceCheckpoint >= options.checkpointBytes();
        if (!due) {
            return;
        }
        try {
            checkpoint();
        } catch (IOException e) {
            LOG.error("checkpoint failed; the ledger refuses appends until reopened", e);
            fail(e);
        }
    }

    private void checkpoint() throws IOException {
        if (checkpointTxId == lastTxId) {
            return;
        }
        store.nodes.force();
        store.offsets.force();
        store.checkpoint.write(lastTxId, store.txLog.position(), store.valueLog.position());
        checkpointTxId = lastTxId;
        lastCheckpointNanos = System.nanoTime();
        bytesSinceCheckpoint = 0;
    }
}
