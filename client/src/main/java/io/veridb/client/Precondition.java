package io.veridb.client;

import java.util.Arrays;
import java.util.Objects;

/** A condition the server checks atomically before committing a write; failure is FAILED_PRECONDITION. */
public sealed interface Precondition
        permits Precondition.KeyMustExist, Precondition.KeyMustNotExist, Precondition.KeyNotModifiedAfterTx {

    /** The key must exist (and not be deleted). */
    record KeyMustExist(byte[] key) implements Precondition {
        public KeyMustExist {
            key = Bytes.copy("key", key);
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyMustExist k && Arrays.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key);
        }

        @Override
        public String toString() {
            return "KeyMustExist[" + Bytes.brief(key) + "]";
        }
    }

    /** The key must not exist. */
    record KeyMustNotExist(byte[] key) implements Precondition {
        public KeyMustNotExist {
            key = Bytes.copy("key", key);
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyMustNotExist k && Arrays.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Arrays.hashCode(key);
        }

        @Override
        public String toString() {
            return "KeyMustNotExist[" + Bytes.brief(key) + "]";
        }
    }

    /** The key must not have been written after transaction {@code txId}. */
    record KeyNotModifiedAfterTx(byte[] key, long txId) implements Precondition {
        public KeyNotModifiedAfterTx {
            key = Bytes.copy("key", key);
            if (txId < 0) {
                throw new IllegalArgumentException("txId=" + txId + ", want >= 0");
            }
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof KeyNotModifiedAfterTx k && txId == k.txId && Arrays.equals(key, k.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(txId, Arrays.hashCode(key));
        }

        @Override
        public String toString() {
            return "KeyNotModifiedAfterTx[" + Bytes.brief(key) + " txId=" + txId + "]";
        }
    }
}
