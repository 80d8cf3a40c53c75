package io.veridb.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntriesTreeTest {

    final List<byte[]> digests = AppendOnlyTreeTest.randomHashes(70, 11);

    @Test
    void rootIsRfc6962OverLeafHashesForAllWidthsUpTo70() {
        for (int n = 1; n <= digests.size(); n++) {
            List<byte[]> d = digests.subList(0, n);
            assertThat(EntriesTree.root(d)).as("width %d", n)
                    .isEqualTo(NaiveRfc6962.mth(d.stream().map(Hashes::leaf).toList()));
        }
        assertThat(EntriesTree.root(digests.subList(0, 1))).isEqualTo(Hashes.leaf(digests.get(0)));
        assertThat(EntriesTree.root(List.of())).isEqualTo(Hashes.empty());
    }

    @Test
    void proofsAreRfc6962PathsAndVerifyForEveryEntry() {
        for (int n = 1; n <= digests.size(); n++) {
            List<byte[]> d = digests.subList(0, n);
            List<byte[]> leaves = d.stream().map(Hashes::leaf).toList();
            byte[] eH = EntriesTree.root(d);
            for (int i = 0; i < n; i++) {
                InclusionProof p = EntriesTree.proof(d, i);
                assertThat(p.leaf()).isEqualTo(i);
                assertThat(p.width()).isEqualTo(n);
                assertThat(AppendOnlyTreeTest.hex(p.terms()))
                        .isEqualTo(AppendOnlyTreeTest.hex(NaiveRfc6962.path(i, leaves)));
                assertThat(EntriesTree.verify(p, d.get(i), eH)).isEqualTo(Verification.ok());
            }
        }
    }

    @Test
    void mutatedTermsDigestsOrPositionsFailVerification() {
        for (int n = 1; n <= 40; n++) {
            List<byte[]> d = digests.subList(0, n);
            byte[] eH = EntriesTree.root(d);
            for (int i = 0; i < n; i++) {
                InclusionProof p = EntriesTree.proof(d, i);
                for (List<byte[]> bad : Mutations.of(p.terms())) {
                    assertThat(EntriesTree.verify(new InclusionProof(i, n, bad), d.get(i), eH).isOk())
                            .as("width %d leaf %d terms %s", n, i, AppendOnlyTreeTest.hex(bad)).isFalse();
                }
                for (int bit : new int[] {0, 100, 255}) {
                    assertThat(EntriesTree.verify(p, Mutations.flip(d.get(i), bit), eH).isOk()).isFalse();
                    assertThat(EntriesTree.verify(p, d.get(i), Mutations.flip(eH, bit)).isOk()).isFalse();
                }
                if (n > 1) {
                    int other = (i + 1) % n;
                    assertThat(EntriesTree.verify(new InclusionProof(other, n, p.terms()), d.get(i), eH).isOk())
                            .isFalse();
                    assertThat(EntriesTree.verify(p, d.get(other), eH).isOk()).isFalse();
                }
            }
        }
    }

    @Test
    void failureNamesLeafWidthAndBothRoots() {
        InclusionProof p = EntriesTree.proof(digests.subList(0, 5), 3);
        byte[] wrong = Hashes.sha256();
        Verification v = EntriesTree.verify(p, digests.get(3), wrong);
        assertThat(v).isInstanceOf(Verification.Failure.class);
        Verification.Failure f = (Verification.Failure) v;
        assertThat(f.check()).contains("leaf 3, width 5").contains("eH");
        assertThat(f.expected()).isEqualTo(Hex.s(wrong));
        assertThat(f.calculated()).isEqualTo(Hex.s(EntriesTree.root(digests.subList(0, 5))));
    }

    @Test
    void rejectsBadArgumentsNamingTheValues() {
        assertThatThrownBy(() -> EntriesTree.proof(digests.subList(0, 3), 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("index=3").hasMessageContaining("width=3");
        assertThatThrownBy(() -> new InclusionProof(2, 2, List.of())).hasMessageContaining("leaf=2 width=2");
        assertThatThrownBy(() -> new InclusionProof(0, 1, List.of(new byte[5])))
                .hasMessageContaining("terms[0] has 5 bytes, want 32");
        assertThatThrownBy(() -> EntriesTree.root(List.of(new byte[3]))).hasMessageContaining("digests[0] has 3 bytes");
    }

    @Test
    void inclusionProofCopiesTermsInAndOut() {
        byte[] t = digests.get(0).clone();
        List<byte[]> terms = new java.util.ArrayList<>(List.of(t));
        InclusionProof p = new InclusionProof(0, 2, terms);
        t[0] ^= 1;
        terms.clear();
        p.terms().get(0)[1] ^= 1;
        assertThat(p.terms()).hasSize(1);
        assertThat(p.terms().get(0)).isEqualTo(digests.get(0));
        assertThat(p).isEqualTo(new InclusionProof(0, 2, List.of(digests.get(0))));
        assertThatThrownBy(() -> p.terms().add(new byte[32])).isInstanceOf(UnsupportedOperationException.class);
    }
}
