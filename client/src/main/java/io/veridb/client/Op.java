package io.veridb.client;

import java.util.Arrays;
import java.util.Objects;

/** One operation of an atomic {@link VeriClient#execAll} transaction. */
public sealed interface Op permits Op.Set, Op.Reference, Op.ZAdd {

    /** Writes a key/value pair. */
    record Set(KvWrite write) implements Op {
        public Set {
            Objects.requireNonNull(write, "write");
        }
    }

    /**
     * Writes reference {@code key} → {@code referencedKey}.
     *
     * @param atTx bind the reference to this transaction; 0 follows the latest value
     */
    record Reference(byte[] key, byte[] referencedKey, long atTx) implements Op {
        public Reference {
            key = Bytes.copy("key", key);
            referencedKey = Bytes.copy("referencedKey", referencedKey);
            if (atTx < 0) {
                throw new IllegalArgumentException("atTx=" + atTx + ", want >= 0");
            }
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public byte[] referencedKey() {
            return referencedKey.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Reference r && atTx == r.atTx && Arrays.equals(key, r.key)
                    && Arrays.equals(referencedKey, r.referencedKey);
        }

        @Override
        public int hashCode() {
            return Objects.hash(atTx, Arrays.hashCode(key), Arrays.hashCode(referencedKey));
        }

        @Override
        public String toString() {
            return "Reference[key=" + Bytes.brief(key) + " referencedKey=" + Bytes.brief(referencedKey)
                    + " atTx=" + atTx + "]";
        }
    }

    /**
     * Adds {@code key} with {@code score} to sorted set {@code set}.
     *
     * @param atTx bind the member to this transaction; 0 follows the latest value
     */
    record ZAdd(byte[] set, double score, byte[] key, long atTx) implements Op {
        public ZAdd {
            set = Bytes.copy("set", set);
            key = Bytes.copy("key", key);
            if (atTx < 0) {
                throw new IllegalArgumentException("atTx=" + atTx + ", want >= 0");
            }
        }

        @Override
        public byte[] set() {
            return set.clone();
        }

        @Override
        public byte[] key() {
            return key.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof ZAdd z && Double.compare(score, z.score) == 0 && atTx == z.atTx
                    && Arrays.equals(set, z.set) && Arrays.equals(key, z.key);
        }

        @Override
        public int hashCode() {
            return Objects.hash(score, atTx, Arrays.hashCode(set), Arrays.hashCode(key));
        }

        @Override
        public String toString() {
            return "ZAdd[set=" + Bytes.brief(set) + " score=" + score + " key=" + Bytes.brief(key) + " atTx="
                    + atTx + "]";
        }
    }
}
