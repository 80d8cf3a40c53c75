package io.veridb.proofs;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Random;

/** Builds a reproducible random ledger from a seed: entry counts, keys, values and metadata vary per tx. */
final class RandomLedger {

    /** All headers version 0, all version 1, or a random version per transaction. */
    enum Versions { V0, V1, MIXED }

    private RandomLedger() {}

    static TestLedger build(long seed, int txCount, Versions versions) {
        Random rnd = new Random(seed);
        TestLedger ledger = new TestLedger();
        for (int id = 1; id <= txCount; id++) {
            int version = versions == Versions.V0 ? 0 : versions == Versions.V1 ? 1 : rnd.nextInt(2);
            int entries = 1 + rnd.nextInt(rnd.nextInt(10) == 0 ? 40 : 5);
            List<byte[]> digests = new ArrayList<>(entries);
            for (int e = 0; e < entries; e++) {
                byte[] key = Hex.concat(new byte[] {(byte) rnd.nextInt(2)}, randomBytes(rnd, 1 + rnd.nextInt(16)),
                        Encoding.bigEndian64(e));
                byte[] value = randomBytes(rnd, rnd.nextInt(48));
                KvMetadata md = version == 1 && rnd.nextInt(4) == 0 ? randomKvMetadata(rnd) : KvMetadata.NONE;
                digests.add(EntryDigest.of(version, key, md, Hashes.sha256(value)));
            }
            TxMetadata txmd = version == 1 && rnd.nextInt(5) == 0
                    ? new TxMetadata(rnd.nextInt(3) == 0 ? 0 : 1 + rnd.nextInt(id), randomBytes(rnd, rnd.nextInt(5)))
                    : TxMetadata.EMPTY;
            ledger.commit(version, 1_700_000_000L + id + rnd.nextInt(3), txmd, digests);
        }
        return ledger;
    }

    static KvMetadata randomKvMetadata(Random rnd) {
        return new KvMetadata(rnd.nextBoolean(),
                rnd.nextBoolean() ? OptionalLong.of(rnd.nextInt(Integer.MAX_VALUE)) : OptionalLong.empty(),
                rnd.nextBoolean());
    }

    static byte[] randomBytes(Random rnd, int n) {
        byte[] b = new byte[n];
        rnd.nextBytes(b);
        return b;
    }
}
