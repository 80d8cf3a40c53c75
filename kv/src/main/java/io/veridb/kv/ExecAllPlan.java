package io.veridb.kv;

import io.veridb.ledger.EntrySpec;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The entries of one {@code ExecAll} transaction, in operation order. A reference or sorted-set member whose key
 * is written by a key/value operation of the same request needs no existence check, and one with
 * {@code boundRef && atTx == 0} is bound to the transaction being written (as immudb does).
 */
final class ExecAllPlan {

    private final List<Op> ops;
    private final Writes writes;

    ExecAllPlan(List<Op> ops, Writes writes) {
        this.ops = List.copyOf(ops);
        this.writes = writes;
    }

    /** Argument checks that need no state: non-empty, well-formed, no duplicates. */
    static void validate(List<Op> ops) {
        if (ops.isEmpty()) {
            throw KvErrors.invalidArgument(KvErrors.EMPTY_SET);
        }
        Set<ByteBuffer> keys = new HashSet<>();
        Set<ByteBuffer> zsetKeys = new HashSet<>();
        for (Op op : ops) {
            if (op instanceof KvWrite kv) {
                if (kv.key().length == 0) {
                    throw KvErrors.illegalArguments();
                }
                if (!keys.add(ByteBuffer.wrap(kv.key()))) {
                    throw KvErrors.duplicatedKeys();
                }
            } else if (op instanceof RefSpec ref) {
                Writes.validateReference(ref);
                if (ref.atTx() > 0 && !ref.boundRef()) {
                    throw KvErrors.illegalArguments();
                }
                if (!keys.add(ByteBuffer.wrap(ref.key()))) {
                    throw KvErrors.invalidArgument(KvErrors.DUPLICATED_REFERENCES);
                }
            } else if (op instanceof ZAddSpec z) {
                Writes.validateZAdd(z);
                if (z.atTx() > 0 && !z.boundRef()) {
                    throw KvErrors.illegalArguments();
                }
                if (!zsetKeys.add(ByteBuffer.wrap(KvEncoding.zsetKey(z.set(), z.score(), z.key(), z.atTx())))) {
                    throw KvErrors.invalidArgument(KvErrors.DUPLICATED_ZADD);
                }
            }
        }
    }

    List<EntrySpec> entries(PendingState state) {
        Set<ByteBuffer> written = new HashSet<>();
        for (Op op : ops) {
            if (op instanceof KvWrite kv) {
                written.add(ByteBuffer.wrap(kv.key()));
            }
        }
        long thisTx = state.nextTxId();
        List<EntrySpec> entries = new ArrayList<>(ops.size());
        for (Op op : ops) {
            if (op instanceof KvWrite kv) {
                entries.add(new EntrySpec(KvEncoding.kvKey(kv.key()), KvEncoding.plainValue(kv.value()),
                        kv.metadata()));
            } else if (op instanceof RefSpec ref) {
                boolean inBatch = written.contains(ByteBuffer.wrap(ref.referencedKey()));
                long atTx = ref.boundRef() && ref.atTx() == 0 ? thisTx : ref.atTx();
                entries.add(writes.referenceEntry(state, ref, atTx, !inBatch || ref.atTx() > 0));
            } else if (op instanceof ZAddSpec z) {
                boolean inBatch = written.contains(ByteBuffer.wrap(z.key()));
                long atTx = z.boundRef() && z.atTx() == 0 ? thisTx : z.atTx();
                entries.add(writes.zAddEntry(state, z, atTx, !inBatch || z.atTx() > 0));
            }
        }
        return entries;
    }
}
