package io.veridb.kv;

import io.veridb.ledger.EntrySpec;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * The write operations of the data model. Arguments are validated on the caller's thread (and thrown from there);
 * every rule that reads state (preconditions, reference and sorted-set targets, delete targets) runs inside the
 * ledger's transaction preparer, so it is atomic with the write, and fails the returned future. Each future
 * completes on the ledger's writer thread once the transaction is durable and indexed. Thread-safe.
 */
final class Writes {

    private static final KvMetadata DELETED = new KvMetadata(true, OptionalLong.empty(), false);

    private final LedgerAccess ledger;
    private final Resolver resolver;
    private final Preconditions preconditions;

    Writes(LedgerAccess ledger, Resolver resolver) {
        this.ledger = ledger;
        this.resolver = resolver;
        this.preconditions = new Preconditions(resolver);
    }

    /** Set; argument errors throw at once, later ones fail the future (see {@link KvStore#setAsync}). */
    CompletableFuture<TxHeader> set(List<KvWrite> kvs, List<Precondition> pre) {
        if (kvs.isEmpty()) {
            throw KvErrors.unknown(KvErrors.NO_ENTRIES);
        }
        Set<ByteBuffer> seen = new HashSet<>();
        List<EntrySpec> entries = new ArrayList<>(kvs.size());
        for (KvWrite kv : kvs) {
            byte[] key = kv.key();
            if (key.length == 0) {
                throw KvErrors.illegalArguments();
            }
            if (!seen.add(ByteBuffer.wrap(key))) {
                throw KvErrors.duplicatedKeys();
            }
            entries.add(new EntrySpec(KvEncoding.kvKey(key), KvEncoding.plainValue(kv.value()), kv.metadata()));
        }
        Preconditions.validate(pre);
        if (pre.isEmpty()) {
            // nothing to read in the writer: hash here, off the writer thread
            if (ledger.headerVersion() == 0) {
                requireNoMetadata(entries);
            }
            return ledger.commitAsync(entries);
        }
        return commit(pre, state -> entries);
    }

    CompletableFuture<TxHeader> delete(List<byte[]> keys) {
        if (keys.isEmpty()) {
            throw KvErrors.unknown(KvErrors.NO_ENTRIES);
        }
        for (byte[] key : keys) {
            if (key.length == 0) {
                throw KvErrors.illegalArguments();
            }
        }
        return commit(List.of(), state -> {
            Set<ByteBuffer> deleted = new HashSet<>();
            List<EntrySpec> entries = new ArrayList<>(keys.size());
            for (byte[] key : keys) {
                byte[] stored = KvEncoding.kvKey(key);
                Version v = state.latest(stored).orElseThrow(KvErrors::keyNotFound);
                if (v.metadata().deleted() || !deleted.add(ByteBuffer.wrap(stored))) {
                    throw KvErrors.keyNotFound();
                }
                if (resolver.expired(v.metadata())) {
                    throw KvErrors.expiredEntry();
                }
                entries.add(new EntrySpec(stored, new byte[0], DELETED));
            }
            return entries;
        });
    }

    CompletableFuture<TxHeader> setReference(RefSpec ref, List<Precondition> pre) {
        validateReference(ref);
        if (ref.boundRef() != (ref.atTx() > 0)) {
            throw KvErrors.illegalArguments();
        }
        Preconditions.validate(pre);
        return commit(pre, state -> List.of(referenceEntry(state, ref, ref.atTx(), true)));
    }

    CompletableFuture<TxHeader> zAdd(ZAddSpec z) {
        validateZAdd(z);
        if (z.boundRef() != (z.atTx() > 0)) {
            throw KvErrors.illegalArguments();
        }
        return commit(List.of(), state -> List.of(zAddEntry(state, z, z.atTx(), true)));
    }

    CompletableFuture<TxHeader> execAll(List<Op> ops, List<Precondition> pre) {
        ExecAllPlan.validate(ops);
        Preconditions.validate(pre);
        return commit(pre, state -> new ExecAllPlan(ops, this).entries(state));
    }

    /**
     * The entry of a reference {@code ref} bound to {@code atTx}; checks the rules when {@code checkTarget}:
     * the key is not an existing plain key, the referenced key exists (at {@code atTx}) and is not a reference.
     */
    EntrySpec referenceEntry(PendingState state, RefSpec ref, long atTx, boolean checkTarget) {
        byte[] key = KvEncoding.kvKey(ref.key());
        Optional<Version> existing = state.latest(key);
        if (existing.isPresent() && resolver.live(existing.get().metadata())
                && !KvEncoding.isReference(state.value(existing.get()))) {
            throw KvErrors.finalKeyNotConvertible();
        }
        if (checkTarget) {
            requireNonReference(state, ref.referencedKey(), ref.atTx());
        }
        return new EntrySpec(key, KvEncoding.referenceValue(ref.referencedKey(), atTx), KvMetadata.NONE);
    }

    /** The entry of sorted-set member {@code z} bound to {@code atTx}; checks its key when {@code checkTarget}. */
    EntrySpec zAddEntry(PendingState state, ZAddSpec z, long atTx, boolean checkTarget) {
        if (checkTarget) {
            requireNonReference(state, z.key(), z.atTx());
        }
        byte[] key = KvEncoding.zsetKey(z.set(), z.score(), z.key(), atTx);
        return new EntrySpec(key, new byte[0], KvMetadata.NONE);
    }

    static void validateReference(RefSpec ref) {
        if (ref.key().length == 0 || ref.referencedKey().length == 0) {
            throw KvErrors.illegalArguments();
        }
    }

    static void validateZAdd(ZAddSpec z) {
        if (z.set().length == 0 || z.key().length == 0) {
            throw KvErrors.illegalArguments();
        }
    }

    private void requireNonReference(StateView state, byte[] userKey, long atTx) {
        byte[] stored = KvEncoding.kvKey(userKey);
        KvEntry target = atTx == 0 ? resolver.latest(state, stored) : resolver.atTx(state, stored, atTx, 0);
        if (target.referencedBy().isPresent()) {
            throw KvErrors.referencedKeyIsReference();
        }
    }

    private static void requireNoMetadata(List<EntrySpec> entries) {
        for (EntrySpec e : entries) {
            if (!e.metadata().isEmpty()) {
                throw KvErrors.unknown(KvErrors.METADATA_UNSUPPORTED);
            }
        }
    }

    private CompletableFuture<TxHeader> commit(List<Precondition> pre, Function<PendingState, List<EntrySpec>> build) {
        return ledger.commitAsync(view -> {
            try {
                PendingState state = new PendingState(view, ledger);
                List<EntrySpec> entries = build.apply(state);
                if (ledger.headerVersion() == 0) {
                    requireNoMetadata(entries);
                }
                preconditions.check(state, pre);
                return entries;
            } catch (KvException e) {
                throw new KvRejection(e);
            }
        });
    }
}
