package io.veridb.ledger;

import io.veridb.proofs.AppendOnlyTree;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.NodeLayout;
import io.veridb.proofs.TxHeader;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the files of a ledger to a consistent state at open.
 *
 * <ol>
 *   <li>Reads the last checkpoint: the node file and offsets are durable up to its transaction X.
 *   <li>Re-checks the last {@code recheckTxs} transactions up to X: record CRC, entry digests → eH → innerHash →
 *       Alh against the stored Alh, and the tree nodes each one completed.
 *   <li>Scans the log after X: each record's CRC, the continuity of its values, and every value's hash; recomputes
 *       its Alh and tree nodes and writes them with its offset.
 *   <li>At the first bad record decides: a torn tail (the record or its values never fully reached the disk) is cut
 *       from both logs; damage to a transaction known to be acknowledged (the index holds it, or a valid record
 *       follows it) is corruption: nothing is cut and the ledger refuses writes.
 * </ol>
 */
final class Recovery {

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    /** What recovery found: the last transaction, its Alh, and the corruption that makes the ledger read-only. */
    record Result(long lastTxId, byte[] lastAlh, long checkpointTxId, CorruptLogException failure) {}

    private final LogStore store;
    private final LedgerOptions options;
    private final IndexedTxId indexedTxId;

    /** The key index's "indexed up to" marker, asked for only when a damaged record needs judging. */
    @FunctionalInterface
    interface IndexedTxId {
        long get() throws IOException;
    }
    private CorruptLogException failure;

    private Recovery(LogStore store, LedgerOptions options, IndexedTxId indexedTxId) {
        this.store = store;
        this.options = options;
        this.indexedTxId = indexedTxId;
    }

    static Result run(LogStore store, LedgerOptions options, IndexedTxId indexedTxId) throws IOException {
        return new Recovery(store, options, indexedTxId).run();
    }

    private Result run() throws IOException {
        Checkpoint.Mark mark = store.checkpoint.read().orElse(null);
        if (mark != null && !insideLogs(mark)) {
            failure = new CorruptLogException("checkpoint points past the end of the logs " + Kv.kv("checkpointTx",
                    mark.txId(), "txLogEnd", Long.toHexString(mark.txLogEnd()), "valueLogEnd",
                    Long.toHexString(mark.valueLogEnd())), Checkpoint.FILE, 0, mark.txId(), null);
            LOG.error("{}; rescanning the whole log", failure.getMessage());
            mark = null;
        }
        if (mark == null) {
            mark = new Checkpoint.Mark(0, 0, Segments.firstPos(0), Segments.firstPos(0));
        }
        recheck(mark.txId());
        return scanTail(mark);
    }

    private boolean insideLogs(Checkpoint.Mark m) throws IOException {
        long tx = store.txLog.segmentSize(Segments.segment(m.txLogEnd()));
        long val = store.valueLog.segmentSize(Segments.segment(m.valueLogEnd()));
        return tx >= Segments.offset(m.txLogEnd()) && val >= Segments.offset(m.valueLogEnd());
    }

    /** Recomputes the chain of the last transactions up to {@code x} and compares it with the node file. */
    private void recheck(long x) throws IOException {
        long from = Math.max(1, x - options.recheckTxs() + 1);
        for (long id = from; id <= x && failure == null; id++) {
            try {
                TxRecord r = store.record(id);
                TxHeader h = store.header(id, r);
                byte[] alh = h.alh();
                long slot = NodeLayout.position(0, id - 1);
                if (!Arrays.equals(alh, store.nodes.slot(slot))) {
                    failure = new CorruptLogException("Alh mismatch " + Kv.kv("stored", store.nodes.slot(slot),
                            "computed", alh), NodeStore.FILE, store.nodes.offsetOf(slot), id, null);
                    break;
                }
                List<byte[]> added = AppendOnlyTree.nodesToAppend(store.nodes, id - 1, Hashes.leaf(alh));
                for (int level = 1; level < added.size(); level++) {
                    long s = NodeLayout.position(level, (id >>> level) - 1);
                    if (!Arrays.equals(added.get(level), store.nodes.slot(s))) {
                        failure = new CorruptLogException("tree node mismatch " + Kv.kv("level", level, "stored",
                                store.nodes.slot(s), "computed", added.get(level)), NodeStore.FILE,
                                store.nodes.offsetOf(s), id, null);
                        break;
                    }
                }
            } catch (CorruptLogException e) {
                failure = e;
            }
        }
        if (failure != null) {
            LOG.error("the chain of the last transactions is broken; the ledger refuses writes: {}",
                    failure.getMessage());
        }
    }

    private Result scanTail(Checkpoint.Mark mark) throws IOException {
        long x = mark.txId();
        PendingNodes tree = new PendingNodes(store.nodes, x);
        byte[] prevAlh = store.nodes.alh(x);
        LogScanner scan = new LogScanner(store.txLog, mark.txLogEnd(), x + 1);
        long valuePos = mark.valueLogEnd();
        ByteBuffer offsets = ByteBuffer.allocate(1 << 12);
        CorruptLogException bad = null;
        long badId = 0;
        long badPos = 0;
        for (;;) {
            long id = scan.nextTxId();
            TxRecord r;
            try {
                r = scan.next();
            } catch (CorruptLogException e) {
                bad = e;
                badId = id;
                badPos = scan.position();
                break;
            }
            if (r == null) {
                break;
            }
            try {
                valuePos = store.checkValues(id, scan.recordPos(), scan.recordEnd(), r, valuePos);
            } catch (CorruptLogException e) {
                bad = e;
                badId = id;
                badPos = scan.recordPos();
                break;
            }
            TxHeader h = LogStore.header(id, r, prevAlh, tree);
            prevAlh = h.alh();
            tree.append(prevAlh);
            if (offsets.remaining() < 8) {
                offsets = ByteBuffer.allocate(offsets.capacity() * 2).put(offsets.flip());
            }
            offsets.putLong(scan.recordPos());
        }
        long id = bad != null ? badId : scan.nextTxId();
        long pos = bad != null ? badPos : scan.position();
        long last = id - 1;
        if (bad != null && failure == null && isAcknowledged(id, pos)) {
            failure = bad;
            LOG.error("transaction {} is damaged but was acknowledged; the ledger refuses writes: {}", id,
                    bad.getMessage());
        } else if (failure == null) {
            if (bad != null) {
                LOG.warn("cutting a torn tail at tx {}: {}", id, bad.getMessage());
            }
            store.txLog.truncateTo(pos);
            store.valueLog.truncateTo(valuePos);
        }
        if (!tree.isEmpty()) {
            store.nodes.write(tree.firstSlot(), tree.slotBytes());
            store.offsets.write(x + 1, offsets.flip());
        }
        long checkpointTx = x;
        if (failure == null && last > x) {
            store.nodes.force();
            store.offsets.force();
            store.checkpoint.write(last, pos, valuePos);
            checkpointTx = last;
        }
        if (last > x) {
            LOG.info("recovered {} transactions after the checkpoint at tx {}", last - x, x);
        }
        return new Result(last, prevAlh, checkpointTx, failure);
    }


    /** Whether transaction {@code id} (damaged at {@code pos}) was acknowledged, so it must not be cut. */
    private boolean isAcknowledged(long id, long pos) throws IOException {
        if (id <= indexedTxId.get()) {
            return true;
        }
        try {
            ByteBuffer b = ByteBuffer.allocate(4);
            store.txLog.read(pos, b);
            int bodyLen = b.getInt(0);
            if (bodyLen > 0 && bodyLen < TxLogFormat.MAX_BODY) {
                ByteBuffer rec = ByteBuffer.allocate(bodyLen + TxLogFormat.FRAME_BYTES);
                store.txLog.read(pos, rec);
                long inline = TxLogFormat.inlineValuesLengthUnchecked(rec.flip());
                store.recordAt(id + 1, pos + bodyLen + TxLogFormat.FRAME_BYTES + Math.max(0, inline));
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // no valid record follows at the recorded length (and its inline values, if it says it has them)
        }
        try {
            long next = store.offsets.get(id + 1);
            if (next > pos) {
                store.recordAt(id + 1, next);
                return true;
            }
        } catch (IOException | RuntimeException e) {
            // no valid record where the offsets say the next one starts
        }
        return false;
    }
}
