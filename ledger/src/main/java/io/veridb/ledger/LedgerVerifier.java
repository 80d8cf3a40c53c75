package io.veridb.ledger;

import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.NodeLayout;
import io.veridb.proofs.TxHeader;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * Offline check of a whole ledger directory, reading it without changing a byte: every tx record's CRC, every
 * value's hash, every entry digest → eH, the Alh chain from genesis, every node of the append-only tree, the
 * offsets file, and that the log is not shorter than the last checkpoint says. Stops at the first problem and
 * reports the transaction, the file and the offset. Run it on a closed ledger (it takes a shared lock).
 */
public final class LedgerVerifier {

    /** Told about progress every few thousand transactions. */
    @FunctionalInterface
    public interface Progress {
        void at(long txId, long txLogBytesDone, long txLogBytesTotal);
    }

    /**
     * The outcome: how many transactions verified intact and, if something is broken, the first broken
     * transaction, the file (name) and the byte offset in it, and what is wrong.
     */
    public record Report(long verifiedTxs, long entries, long firstBrokenTx, String file, long offset,
            String problem) {

        public boolean intact() {
            return problem == null;
        }

        @Override
        public String toString() {
            return intact() ? "intact: " + verifiedTxs + " transactions, " + entries + " entries"
                    : "broken at tx " + firstBrokenTx + " (" + file + " @" + offset + "): " + problem
                            + " [" + verifiedTxs + " transactions verified before it]";
        }
    }

    private final LogStore store;
    private final Progress progress;
    private long entries;

    private LedgerVerifier(LogStore store, Progress progress) {
        this.store = store;
        this.progress = progress;
    }

    public static Report verify(Path dir) throws IOException {
        return verify(dir, (tx, done, total) -> { });
    }

    /**
     * Verifies the ledger in {@code dir}.
     *
     * @throws IOException if the directory is not a ledger, is open by a process, or cannot be read
     */
    public static Report verify(Path dir, Progress progress) throws IOException {
        Objects.requireNonNull(progress, "progress");
        if (!Files.isDirectory(dir.resolve(LogStore.TX_DIR))) {
            throw new IOException(dir + " is not a ledger directory (no " + LogStore.TX_DIR + "/)");
        }
        try (FileChannel lockChannel = FileChannel.open(dir.resolve(Ledger.LOCK_FILE), StandardOpenOption.READ)) {
            FileLock lock;
            try {
                lock = lockChannel.tryLock(0, Long.MAX_VALUE, true);
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new IOException("ledger " + dir + " is open; close it before verifying");
            }
            try {
                return verifyOpen(dir, progress);
            } finally {
                lock.release();
            }
        }
    }

    private static Report verifyOpen(Path dir, Progress progress) throws IOException {
        LogStore store;
        try {
            store = LogStore.open(FileIO.nio(), dir, true);
        } catch (CorruptLogException e) {
            return new Report(0, 0, 0, e.file(), e.offset(), e.getMessage());
        }
        try (store) {
            return new LedgerVerifier(store, progress).run();
        }
    }

    private Report run() throws IOException {
        long total = 0;
        for (int s = 0; s < store.txLog.segmentCount(); s++) {
            total += store.txLog.segmentSize(s);
        }
        LogScanner scan = new LogScanner(store.txLog, Segments.firstPos(0), 1);
        Frontier tree = new Frontier();
        byte[] prevAlh = Hashes.empty();
        long valuePos = Segments.firstPos(0);
        long done = 0;
        for (;;) {
            long id = scan.nextTxId();
            TxRecord r;
            try {
                r = scan.next();
            } catch (CorruptLogException e) {
                return broken(id, e);
            }
            if (r == null) {
                break;
            }
            try {
                checkOffset(id, scan.recordPos());
                valuePos = store.checkValues(id, scan.recordPos(), scan.recordEnd(), r, valuePos);
                entries += r.entries().size();
                prevAlh = checkChain(id, scan.recordPos(), r, prevAlh, tree);
            } catch (CorruptLogException e) {
                return broken(id, e);
            }
            done += scan.position() - scan.recordPos();
            if (id % 4096 == 0) {
                progress.at(id, done, total);
            }
        }
        long last = scan.nextTxId() - 1;
        progress.at(last, total, total);
        Checkpoint.Mark mark = store.checkpoint.read().orElse(null);
        if (mark != null && mark.txId() > last) {
            return new Report(last, entries, last + 1, store.txLog.fileName(scan.position()),
                    Segments.offset(scan.position()), "the log ends at tx " + last + " but the checkpoint says "
                    + mark.txId() + " transactions were durable: the tail was cut");
        }
        return new Report(last, entries, 0, null, 0, null);
    }

    private Report broken(long id, CorruptLogException e) {
        return new Report(id - 1, entries, e.txId() == 0 ? id : e.txId(), e.file(), e.offset(), e.getMessage());
    }

    private void checkOffset(long id, long recordPos) throws IOException {
        long stored;
        try {
            stored = store.offsets.get(id);
        } catch (java.io.UncheckedIOException e) {
            throw new CorruptLogException("offsets file has no slot for the transaction", TxOffsets.FILE,
                    store.offsets.offsetOf(id), id, e);
        }
        if (stored != recordPos) {
            throw new CorruptLogException("offsets slot " + Kv.kv("stored", Long.toHexString(stored), "actual",
                    Long.toHexString(recordPos)), TxOffsets.FILE, store.offsets.offsetOf(id), id, null);
        }
    }


    private byte[] checkChain(long id, long recordPos, TxRecord r, byte[] prevAlh, Frontier tree)
            throws IOException {
        List<byte[]> digests = r.digests();
        byte[] eH = EntriesTree.root(digests);
        if (r.storedEH() != null && !Arrays.equals(eH, r.storedEH())) {
            throw new CorruptLogException("eH mismatch " + Kv.kv("stored", r.storedEH(), "computed", eH),
                    store.txLog.fileName(recordPos), Segments.offset(recordPos), id, null);
        }
        TxHeader h = new TxHeader(id, prevAlh, r.ts(), r.version(), r.txMetadata(), r.entries().size(), eH, id - 1,
                tree.root());
        byte[] alh = h.alh();
        List<byte[]> added = tree.append(alh);
        for (int level = 0; level < added.size(); level++) {
            long slot = NodeLayout.position(level, (id >>> level) - 1);
            byte[] stored;
            try {
                stored = store.nodes.slot(slot);
            } catch (java.io.UncheckedIOException e) {
                throw new CorruptLogException("node file has no slot for the transaction", NodeStore.FILE,
                        store.nodes.offsetOf(slot), id, e);
            }
            byte[] want = level == 0 ? alh : added.get(level);
            if (!Arrays.equals(stored, want)) {
                throw new CorruptLogException((level == 0 ? "Alh" : "tree node (level " + level + ")")
                        + " mismatch " + Kv.kv("stored", stored, "computed", want), NodeStore.FILE,
                        store.nodes.offsetOf(slot), id, null);
            }
        }
        return alh;
    }
}
