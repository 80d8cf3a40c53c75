package io.veridb.ledger;

import io.veridb.proofs.EntriesTree;
import io.veridb.proofs.TxMetadata;
import java.util.ArrayList;
import java.util.List;

/**
 * One decoded transaction record of the tx log (see {@link TxLogFormat}): everything of the header except what is
 * derived ({@code id} from the position, {@code prevAlh}, {@code blTxId}, {@code blRoot} from the node file, and
 * {@code eH} of a one-entry transaction from its entry).
 *
 * @param storedEH eH as stored, or {@code null} when the record does not store it (one entry)
 * @param valuePos packed position of the first value, in the value log or, when {@link #valuesInline()}, in the tx
 *     log right after this record; the values follow each other in entry order
 */
record TxRecord(
        int flags, long ts, int version, TxMetadata txMetadata, byte[] storedEH, long valuePos, List<TxEntry> entries) {

    TxRecord {
        entries = List.copyOf(entries);
    }

    boolean batchEnd() {
        return (flags & TxLogFormat.FLAG_BATCH_END) != 0;
    }

    /** Whether the values lie in the tx log right after this record instead of in the value log. */
    boolean valuesInline() {
        return (flags & TxLogFormat.FLAG_VALUES_INLINE) != 0;
    }

    /** This record with {@code extraFlags} set and its values at {@code pos}. */
    TxRecord with(int extraFlags, long pos) {
        return new TxRecord(flags | extraFlags, ts, version, txMetadata, storedEH, pos, entries);
    }

    List<byte[]> digests() {
        List<byte[]> out = new ArrayList<>(entries.size());
        for (TxEntry e : entries) {
            out.add(e.digest(version));
        }
        return out;
    }

    /** eH: the stored one, or computed from the entries. */
    byte[] eH() {
        return storedEH != null ? storedEH : EntriesTree.root(digests());
    }

    long valuesLength() {
        long n = 0;
        for (TxEntry e : entries) {
            n += e.vLen();
        }
        return n;
    }

    /** Packed position of entry {@code index}'s value (in the log {@link #valuesInline()} names). */
    long valuePos(int index) {
        long p = valuePos;
        for (int i = 0; i < index; i++) {
            p += entries.get(i).vLen();
        }
        return p;
    }
}
