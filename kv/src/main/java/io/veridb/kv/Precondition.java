package io.veridb.kv;

import java.util.Objects;

/**
 * A condition on the current state of a key, checked atomically with the write it guards (in the ledger's writer,
 * against committed and earlier same-batch transactions). Keys are user keys; the store adds the 0x00 prefix.
 */
public sealed interface Precondition {

    /** The user key the condition is about (a copy). */
    byte[] key();

    /** The key must exist: latest version present, not deleted, not expired. */
    record KeyMustExist(byte[] key) implements Precondition {
        public KeyMustExist {
            key = Objects.requireNonNull(key, "key").clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }
    }

    /** The key must not exist (absent, deleted or expired). */
    record KeyMustNotExist(byte[] key) implements Precondition {
        public KeyMustNotExist {
            key = Objects.requireNonNull(key, "key").clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }
    }

    /** The key's latest version (of any kind, deleted included) must have been written at or before {@code txId}. */
    record KeyNotModifiedAfterTx(byte[] key, long txId) implements Precondition {
        public KeyNotModifiedAfterTx {
            key = Objects.requireNonNull(key, "key").clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }
    }
}
