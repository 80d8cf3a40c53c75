package io.veridb.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class AppendOnlyTreeTest {

    static final int MAX = 70;
    static final long SEED = 0x5EEDL;

    final List<byte[]> alhs = randomHashes(MAX, SEED);
    final List<byte[]> leaves = alhs.stream().map(Hashes::leaf).toList();
    final MemoryTree tree = treeOf(alhs);

    static List<byte[]> randomHashes(int n, long seed) {
        Random rnd = new Random(seed);
        List<byte[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            byte[] h = new byte[32];
            rnd.nextBytes(h);
            out.add(h);
        }
        return out;
    }

    static MemoryTree treeOf(List<byte[]> alhs) {
        MemoryTree t = new MemoryTree();
        alhs.forEach(t::append);
        return t;
    }

    static List<String> hex(List<byte[]> l) {
        return l.stream().map(Hex::s).toList();
    }

    @Test
    void rootsMatchNaiveRfc6962ForAllSizesUpTo70() {
        for (int n = 1; n <= MAX; n++) {
            assertThat(AppendOnlyTree.root(tree, n)).as("size %d", n).isEqualTo(NaiveRfc6962.mth(leaves.subList(0, n)));
        }
        assertThat(tree.root()).isEqualTo(NaiveRfc6962.mth(leaves));
    }

    @Test
    void inclusionProofsMatchNaivePathsAndVerifyForAllLeavesAndSizes() {
        for (int j = 1; j <= MAX; j++) {
            byte[] root = NaiveRfc6962.mth(leaves.subList(0, j));
            for (int i = 1; i <= j; i++) {
                List<byte[]> proof = AppendOnlyTree.inclusionProof(tree, i, j);
                assertThat(hex(proof)).as("leaf %d size %d", i, j)
                        .isEqualTo(hex(NaiveRfc6962.path(i - 1, leaves.subList(0, j))));
                assertThat(AppendOnlyTree.verifyInclusion(proof, i, j, leaves.get(i - 1), root).isOk()).isTrue();
                for (List<byte[]> bad : Mutations.of(proof)) {
                    assertThat(AppendOnlyTree.verifyInclusion(bad, i, j, leaves.get(i - 1), root).isOk())
                            .as("mutated inclusion leaf %d size %d: %s", i, j, hex(bad)).isFalse();
                }
                if (j > 1) {
                    int other = i == 1 ? 1 : 0;
                    assertThat(AppendOnlyTree.verifyInclusion(proof, i, j, leaves.get(other), root).isOk()).isFalse();
                }
            }
        }
    }

    @Test
    void lastInclusionProofsVerifyAndRejectMutations() {
        for (int j = 1; j <= MAX; j++) {
            byte[] root = NaiveRfc6962.mth(leaves.subList(0, j));
            List<byte[]> proof = AppendOnlyTree.lastInclusionProof(tree, j);
            assertThat(hex(proof)).isEqualTo(hex(NaiveRfc6962.path(j - 1, leaves.subList(0, j))));
            assertThat(AppendOnlyTree.verifyLastInclusion(proof, j, leaves.get(j - 1), root).isOk()).isTrue();
            for (List<byte[]> bad : Mutations.of(proof)) {
                assertThat(AppendOnlyTree.verifyLastInclusion(bad, j, leaves.get(j - 1), root).isOk()).isFalse();
            }
        }
    }

    @Test
    void consistencyProofsAreRfc6962PlusOldRootWhenOldSizeIsPowerOfTwo() {
        for (int j = 2; j <= MAX; j++) {
            List<byte[]> prefix = leaves.subList(0, j);
            for (int i = 1; i < j; i++) {
                List<byte[]> proof = AppendOnlyTree.consistencyProof(tree, i, j);
                List<byte[]> rfc = NaiveRfc6962.rfcConsistency(i, prefix);
                List<byte[]> want = new ArrayList<>(rfc);
                if (Long.bitCount(i) == 1) {
                    want.add(0, NaiveRfc6962.mth(prefix.subList(0, i)));
                }
                assertThat(hex(proof)).as("%d -> %d", i, j).isEqualTo(hex(want));
                assertThat(hex(proof)).isEqualTo(hex(NaiveRfc6962.subproof(i, prefix, false)));
            }
        }
    }

    @Test
    void consistencyProofsVerifyAndRejectMutationsForAllSizePairs() {
        for (int j = 1; j <= MAX; j++) {
            byte[] rootJ = NaiveRfc6962.mth(leaves.subList(0, j));
            for (int i = 1; i <= j; i++) {
                byte[] rootI = NaiveRfc6962.mth(leaves.subList(0, i));
                List<byte[]> proof = AppendOnlyTree.consistencyProof(tree, i, j);
                assertThat(AppendOnlyTree.verifyConsistency(proof, i, j, rootI, rootJ))
                        .as("%d -> %d", i, j).isEqualTo(Verification.ok());
                for (List<byte[]> bad : Mutations.of(proof)) {
                    if (i == j && bad.isEmpty()) {
                        continue; // an empty proof between equal sizes is valid: the roots are compared
                    }
                    assertThat(AppendOnlyTree.verifyConsistency(bad, i, j, rootI, rootJ).isOk())
                            .as("mutated %d -> %d: %s", i, j, hex(bad)).isFalse();
                }
                if (i < j) {
                    byte[] wrongOld = NaiveRfc6962.mth(leaves.subList(1, i + 1));
                    assertThat(AppendOnlyTree.verifyConsistency(proof, i, j, wrongOld, rootJ).isOk()).isFalse();
                }
            }
        }
    }

    @Test
    void equalSizeConsistencyIsGoFormAndEmptyIsAlsoAccepted() {
        assertThat(AppendOnlyTree.consistencyProof(tree, 1, 1)).isEmpty();
        for (int j = 2; j <= MAX; j++) {
            long k = NaiveRfc6962.split(j);
            List<byte[]> proof = AppendOnlyTree.consistencyProof(tree, j, j);
            assertThat(hex(proof)).containsExactly(
                    Hex.s(NaiveRfc6962.mth(leaves.subList((int) k, j))), Hex.s(NaiveRfc6962.mth(leaves.subList(0, (int) k))));
            byte[] root = AppendOnlyTree.root(tree, j);
            assertThat(AppendOnlyTree.verifyConsistency(List.of(), j, j, root, root).isOk()).isTrue();
            assertThat(AppendOnlyTree.verifyConsistency(List.of(), j, j, root, leaves.get(0)).isOk()).isFalse();
        }
    }

    @Test
    void verifiersRejectImpossibleSizesAsFailuresNamingTheSizes() {
        byte[] r = tree.root();
        Verification v = AppendOnlyTree.verifyInclusion(List.of(), 0, 3, leaves.get(0), r);
        assertThat(v).isInstanceOf(Verification.Failure.class);
        assertThat(((Verification.Failure) v).message()).contains("leaf 0, size 3").contains("leaf=0 size=3");
        assertThat(AppendOnlyTree.verifyInclusion(List.of(), 4, 3, leaves.get(0), r).isOk()).isFalse();
        assertThat(AppendOnlyTree.verifyConsistency(List.of(), 0, 3, r, r).isOk()).isFalse();
        assertThat(AppendOnlyTree.verifyConsistency(List.of(), 4, 3, r, r).isOk()).isFalse();
        assertThat(AppendOnlyTree.verifyConsistency(List.of(), 2, 3, r, r).isOk()).isFalse();
        assertThat(AppendOnlyTree.verifyLastInclusion(List.of(), 0, r, r).isOk()).isFalse();
    }

    @Test
    void lengthFailureSaysHowManyHashesAndHowManyWanted() {
        List<byte[]> proof = new ArrayList<>(AppendOnlyTree.inclusionProof(tree, 12, 40));
        proof.remove(0);
        Verification v = AppendOnlyTree.verifyInclusion(proof, 12, 40, leaves.get(11), AppendOnlyTree.root(tree, 40));
        assertThat(((Verification.Failure) v).message())
                .contains("proof has " + proof.size() + " hashes, want " + (proof.size() + 1))
                .contains("leaf 12, size 40");
    }

    @Test
    void builderRejectsBadRangesWithTheOffendingValues() {
        assertThatThrownBy(() -> AppendOnlyTree.inclusionProof(tree, 0, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaf=0 size=5");
        assertThatThrownBy(() -> AppendOnlyTree.inclusionProof(tree, 6, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("leaf=6 size=5");
        assertThatThrownBy(() -> AppendOnlyTree.consistencyProof(tree, 6, 5))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("from size=6 to size=5");
        assertThatThrownBy(() -> AppendOnlyTree.root(tree, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("size=0");
        assertThatThrownBy(() -> tree.node(0, MAX))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index=" + MAX);
    }

    @Test
    void rootsAndProofsReadLogarithmicallyManyNodes() {
        AtomicLong reads = new AtomicLong();
        TreeNodes fake = (level, index) -> {
            reads.incrementAndGet();
            return Hashes.sha256(Encoding.bigEndian64(level), Encoding.bigEndian64(index));
        };
        Random rnd = new Random(SEED);
        for (int trial = 0; trial < 2000; trial++) {
            long j = 1 + (rnd.nextLong() >>> (1 + rnd.nextInt(60)));
            long i = 1 + Math.floorMod(rnd.nextLong(), j);
            int bound = 2 * (64 - Long.numberOfLeadingZeros(j)) + 2;
            reads.set(0);
            AppendOnlyTree.root(fake, j);
            assertThat(reads.get()).as("root %d", j).isLessThanOrEqualTo(bound / 2);
            reads.set(0);
            AppendOnlyTree.inclusionProof(fake, i, j);
            assertThat(reads.get()).as("inclusion %d in %d", i, j).isLessThanOrEqualTo(bound);
            reads.set(0);
            AppendOnlyTree.consistencyProof(fake, i, j);
            assertThat(reads.get()).as("consistency %d -> %d", i, j).isLessThanOrEqualTo(bound);
        }
    }

    @Test
    void aFoldingTreeGivesTheSameRootsAndProofsAsThePlainTree() {
        for (int j = 1; j <= MAX; j++) {
            for (int i = 1; i <= j; i++) {
                FoldingTree folding = new FoldingTree(tree); // shared, as one dual proof shares it
                assertThat(AppendOnlyTree.root(folding, j)).isEqualTo(AppendOnlyTree.root(tree, j));
                assertThat(AppendOnlyTree.root(folding, i)).isEqualTo(AppendOnlyTree.root(tree, i));
                assertThat(hex(AppendOnlyTree.inclusionProof(folding, i, j))).as("inclusion %d in %d", i, j)
                        .isEqualTo(hex(AppendOnlyTree.inclusionProof(tree, i, j)));
                assertThat(hex(AppendOnlyTree.consistencyProof(folding, i, j))).as("consistency %d -> %d", i, j)
                        .isEqualTo(hex(AppendOnlyTree.consistencyProof(tree, i, j)));
                assertThat(hex(AppendOnlyTree.lastInclusionProof(folding, j)))
                        .isEqualTo(hex(AppendOnlyTree.lastInclusionProof(tree, j)));
            }
        }
    }

    @Test
    void aFoldingTreeFoldsTheRightEdgeOnceForTheRootAndTheProofsThatEndThere() {
        AtomicLong reads = new AtomicLong();
        long j = 0b1011011; // 91 leaves: five perfect subtrees on the right edge
        MemoryTree big = treeOf(randomHashes((int) j, SEED + 1));
        TreeNodes bigCounted = (level, index) -> {
            reads.incrementAndGet();
            return big.node(level, index);
        };
        AppendOnlyTree.inclusionProof(bigCounted, 2, j);
        long plainReads = reads.get();
        FoldingTree folding = new FoldingTree(bigCounted);
        reads.set(0);
        AppendOnlyTree.root(folding, j);
        assertThat(reads.get()).isEqualTo(Long.bitCount(j));
        reads.set(0);
        // leaf 2 lies in the left half: the proof's only non-perfect range is [64, 91), a suffix of the fold
        List<byte[]> proof = AppendOnlyTree.inclusionProof(folding, 2, j);
        assertThat(hex(proof)).isEqualTo(hex(AppendOnlyTree.inclusionProof(big, 2, j)));
        assertThat(reads.get()).isEqualTo(plainReads - (Long.bitCount(j) - 1));
    }
}
