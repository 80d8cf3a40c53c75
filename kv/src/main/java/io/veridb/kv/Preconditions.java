package io.veridb.kv;

import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/**
 * Validates preconditions up front and checks them against a {@link StateView} inside the ledger's writer, so a
 * check and the write it guards are atomic with respect to every other transaction.
 */
final class Preconditions {

    private final Resolver resolver;

    Preconditions(Resolver resolver) {
        this.resolver = resolver;
    }

    /** Rejects malformed preconditions before anything is written. */
    static void validate(List<Precondition> preconditions) {
        for (Precondition p : preconditions) {
            if (p.key().length == 0) {
                throw KvErrors.invalidPrecondition("empty key");
            }
            if (p instanceof Precondition.KeyNotModifiedAfterTx m && m.txId() <= 0) {
                throw KvErrors.invalidPrecondition("invalid transaction ID " + m.txId());
            }
        }
    }

    /** Throws "precondition failed: …" for the first precondition that does not hold in {@code view}. */
    void check(StateView view, List<Precondition> preconditions) {
        for (Precondition p : preconditions) {
            byte[] key = KvEncoding.kvKey(p.key());
            Optional<Version> latest = view.latest(key);
            if (p instanceof Precondition.KeyMustExist) {
                if (!exists(latest)) {
                    throw KvErrors.preconditionFailed("key does not exist: key=" + hex(p.key()));
                }
            } else if (p instanceof Precondition.KeyMustNotExist) {
                if (exists(latest)) {
                    throw KvErrors.preconditionFailed("key already exists: key=" + hex(p.key()));
                }
            } else if (p instanceof Precondition.KeyNotModifiedAfterTx m) {
                if (latest.isPresent() && latest.get().txId() > m.txId()) {
                    throw KvErrors.preconditionFailed("key modified after given TX: key=" + hex(p.key())
                            + " txId=" + m.txId() + " modifiedAt=" + latest.get().txId());
                }
            }
        }
    }

    private boolean exists(Optional<Version> latest) {
        return latest.isPresent() && resolver.live(latest.get().metadata());
    }

    private static String hex(byte[] key) {
        return HexFormat.of().formatHex(key);
    }
}
