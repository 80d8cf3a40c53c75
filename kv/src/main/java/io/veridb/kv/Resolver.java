package io.veridb.kv;

import io.veridb.proofs.KvMetadata;
import java.time.Clock;
import java.util.Optional;

/**
 * Turns stored versions into client entries: hides deleted and expired versions and follows a reference exactly
 * one level (immudb's key resolution limit of 1). Stateless apart from the clock; thread-safe.
 */
final class Resolver {

    private static final int MAX_RESOLUTION_DEPTH = 1;

    private final Clock clock;

    Resolver(Clock clock) {
        this.clock = clock;
    }

    /** True when {@code md} carries an expiration at or before now. */
    boolean expired(KvMetadata md) {
        return md.expiresAt().isPresent() && md.expiresAt().getAsLong() <= clock.instant().getEpochSecond();
    }

    /** True when a version with {@code md} is visible: neither deleted nor expired. */
    boolean live(KvMetadata md) {
        return !md.deleted() && !expired(md);
    }

    /** The latest live version of {@code storedKey}, resolved. */
    KvEntry latest(StateView view, byte[] storedKey) {
        return latest(view, storedKey, 0);
    }

    /** The entry of {@code storedKey} written in {@code atTx} (revision reported as {@code revision}), resolved. */
    KvEntry atTx(StateView view, byte[] storedKey, long atTx, long revision) {
        return atTx(view, storedKey, atTx, revision, 0);
    }

    /** Decodes a version read from the index (the scan path), resolving a reference. */
    KvEntry version(StateView view, Version v) {
        Stored stored = new Stored(v.metadata(), view.value(v));
        return decode(view, v.key(), v.txId(), stored, v.revision(), 0);
    }

    private KvEntry latest(StateView view, byte[] storedKey, int depth) {
        Version v = view.latest(storedKey).orElseThrow(KvErrors::keyNotFound);
        checkVisible(v.metadata());
        return decode(view, storedKey, v.txId(), new Stored(v.metadata(), view.value(v)), v.revision(), depth);
    }

    private KvEntry atTx(StateView view, byte[] storedKey, long atTx, long revision, int depth) {
        Stored stored = view.inTx(storedKey, atTx).orElseThrow(KvErrors::keyNotFound);
        checkVisible(stored.metadata());
        return decode(view, storedKey, atTx, stored, revision, depth);
    }

    private void checkVisible(KvMetadata md) {
        if (md.deleted()) {
            throw KvErrors.keyNotFound();
        }
        if (expired(md)) {
            throw KvErrors.expiredEntry();
        }
    }

    private KvEntry decode(StateView view, byte[] storedKey, long txId, Stored stored, long revision, int depth) {
        checkVisible(stored.metadata());
        byte[] value = stored.value();
        if (value.length == 0) {
            throw KvErrors.corrupted("missing value prefix (tx " + txId + ")", null);
        }
        if (value[0] != KvEncoding.REFERENCE_VALUE) {
            return new KvEntry(txId, KvEncoding.strip(storedKey), KvEncoding.strip(value), stored.metadata(), false,
                    revision, Optional.empty());
        }
        if (depth >= MAX_RESOLUTION_DEPTH) {
            throw KvErrors.keyResolutionLimit();
        }
        KvEncoding.Reference ref = KvEncoding.decodeReference(value);
        byte[] target = KvEncoding.kvKey(ref.key());
        KvEntry resolved = ref.atTx() == 0
                ? latest(view, target, depth + 1)
                : atTx(view, target, ref.atTx(), 0, depth + 1);
        KvRef by = new KvRef(txId, KvEncoding.strip(storedKey), ref.atTx(), stored.metadata(), revision);
        return resolved.withReference(by);
    }
}
