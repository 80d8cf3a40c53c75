package io.veridb.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/**
 * Random ledgers (up to 300 transactions, random entry counts, keys, values, metadata and header versions):
 * honest proofs always verify, and any single corruption is rejected. jqwik reports the seed and sizes of a
 * failing sample; rerun one with {@code -Djqwik.seed=…}.
 */
class DualProofProperties {

    @Property(tries = 60)
    void everyDualProofBetweenAnyTwoStatesVerifies(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int txCount,
            @ForAll RandomLedger.Versions versions) {
        TestLedger ledger = RandomLedger.build(seed, txCount, versions);
        for (long[] pair : pairs(new Random(seed), txCount, 400)) {
            long s = pair[0];
            long t = pair[1];
            DualProof p = DualProofs.build(ledger, ledger.tree(), s, t);
            assertThat(DualProofs.verify(p, s, t, ledger.alh(s), ledger.alh(t))).as("%d -> %d", s, t)
                    .isEqualTo(Verification.ok());
        }
    }

    @Property(tries = 100)
    void anyCorruptionOfADualProofFailsVerification(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 300) int txCount,
            @ForAll RandomLedger.Versions versions) {
        TestLedger ledger = RandomLedger.build(seed, txCount, versions);
        Random rnd = new Random(seed ^ 0x9E3779B97F4A7C15L);
        for (int round = 0; round < 3; round++) {
            long t = 1 + rnd.nextInt(txCount);
            long s = round == 0 ? t : 1 + rnd.nextInt((int) t);
            byte[] alhS = ledger.alh(s);
            byte[] alhT = ledger.alh(t);
            DualProof p = DualProofs.build(ledger, ledger.tree(), s, t);
            for (ProofMutations.Named m : ProofMutations.of(p)) {
                if (m.what().startsWith("consistencyProof") && s == t && m.proof().consistencyProof().isEmpty()) {
                    continue; // equal states: an empty consistency proof is valid (the roots are compared)
                }
                assertThat(DualProofs.verify(m.proof(), s, t, alhS, alhT).isOk())
                        .as("%d -> %d with %s", s, t, m.what()).isFalse();
            }
            for (int bit : new int[] {0, 129, 255}) {
                assertThat(DualProofs.verify(p, s, t, Mutations.flip(alhS, bit), alhT).isOk()).isFalse();
                assertThat(DualProofs.verify(p, s, t, alhS, Mutations.flip(alhT, bit)).isOk()).isFalse();
            }
            if (t > 1) {
                long other = s == 1 ? 2 : s - 1;
                assertThat(DualProofs.verify(p, other, t, ledger.alh(other), alhT).isOk()).isFalse();
            }
        }
    }

    @Property(tries = 40)
    void anyCorruptionOfAnEntryOrItsInclusionProofFails(
            @ForAll long seed,
            @ForAll @IntRange(min = 1, max = 60) int txCount,
            @ForAll RandomLedger.Versions versions) {
        TestLedger ledger = RandomLedger.build(seed, txCount, versions);
        for (long id = 1; id <= txCount; id++) {
            List<byte[]> digests = ledger.digests(id);
            byte[] eH = ledger.header(id).eH();
            for (int i = 0; i < digests.size(); i++) {
                InclusionProof p = EntriesTree.proof(digests, i);
                assertThat(EntriesTree.verify(p, digests.get(i), eH)).isEqualTo(Verification.ok());
                assertThat(EntriesTree.verify(p, Mutations.flip(digests.get(i), (int) (id % 256)), eH).isOk())
                        .isFalse();
                for (List<byte[]> bad : Mutations.of(p.terms())) {
                    assertThat(EntriesTree.verify(new InclusionProof(i, p.width(), bad), digests.get(i), eH).isOk())
                            .as("tx %d entry %d of %d", id, i, digests.size()).isFalse();
                }
            }
        }
    }

    /** All pairs s ≤ t when there are at most {@code max} of them, else edges plus a random sample. */
    static List<long[]> pairs(Random rnd, int n, int max) {
        List<long[]> out = new ArrayList<>();
        if ((long) n * (n + 1) / 2 <= max) {
            for (long s = 1; s <= n; s++) {
                for (long t = s; t <= n; t++) {
                    out.add(new long[] {s, t});
                }
            }
            return out;
        }
        out.add(new long[] {1, 1});
        out.add(new long[] {1, n});
        out.add(new long[] {n, n});
        out.add(new long[] {n - 1, n});
        for (long p = 1; p < n; p *= 2) {
            out.add(new long[] {p, n});
            out.add(new long[] {p + 1, n});
            out.add(new long[] {p, p + 1});
        }
        while (out.size() < max) {
            long t = 1 + rnd.nextInt(n);
            out.add(new long[] {1 + rnd.nextInt((int) t), t});
        }
        return out;
    }
}
