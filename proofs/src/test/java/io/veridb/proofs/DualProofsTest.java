package io.veridb.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class DualProofsTest {

    /** A ledger of {@code n} transactions with {@code entries} random digests each, header version 1. */
    static TestLedger ledger(int n, int entries) {
        TestLedger ledger = new TestLedger();
        List<byte[]> digests = AppendOnlyTreeTest.randomHashes(n * entries, n);
        for (int i = 0; i < n; i++) {
            ledger.commit(1, 1_700_000_000L + i, TxMetadata.EMPTY, digests.subList(i * entries, (i + 1) * entries));
        }
        return ledger;
    }

    final TestLedger ledger = ledger(20, 2);

    Verification verify(DualProof p, long s, long t) {
        return DualProofs.verify(p, s, t, ledger.alh(s), ledger.alh(t));
    }

    static List<String> hex(List<byte[]> l) {
        return AppendOnlyTreeTest.hex(l);
    }

    static Verification.Failure failure(Verification v) {
        assertThat(v).isInstanceOf(Verification.Failure.class);
        return (Verification.Failure) v;
    }

    @Test
    void everyPairOfASmallLedgerVerifies() {
        for (long s = 1; s <= 20; s++) {
            for (long t = s; t <= 20; t++) {
                DualProof p = DualProofs.build(ledger, ledger.tree(), s, t);
                assertThat(verify(p, s, t)).as("%d -> %d", s, t).isEqualTo(Verification.ok());
            }
        }
    }

    @Test
    void everyPairOfA200TxMixedVersionLedgerVerifies() {
        TestLedger big = RandomLedger.build(200, 200, RandomLedger.Versions.MIXED);
        for (long s = 1; s <= 200; s++) {
            for (long t = s; t <= 200; t++) {
                DualProof p = DualProofs.build(big, big.tree(), s, t);
                Verification v = DualProofs.verify(p, s, t, big.alh(s), big.alh(t));
                if (!v.isOk()) {
                    assertThat(v).as("%d -> %d", s, t).isEqualTo(Verification.ok());
                }
            }
        }
    }

    @Test
    void fieldsFollowTheBlTxIdEqualsIdMinusOneShape() {
        DualProof p = DualProofs.build(ledger, ledger.tree(), 5, 12);
        assertThat(hex(p.inclusionProof())).isEqualTo(hex(AppendOnlyTree.inclusionProof(ledger.tree(), 5, 11)));
        assertThat(hex(p.consistencyProof()))
                .isEqualTo(hex(AppendOnlyTree.consistencyProof(ledger.tree(), 4, 11)));
        assertThat(p.targetBlTxAlh()).isEqualTo(ledger.alh(11));
        assertThat(hex(p.lastInclusionProof()))
                .isEqualTo(hex(AppendOnlyTree.lastInclusionProof(ledger.tree(), 11)));
        assertThat(p.linearProof()).isEqualTo(new LinearProof(11, 12, List.of(ledger.alh(11),
                ledger.header(12).innerHash())));
        DualProof adjacent = DualProofs.build(ledger, ledger.tree(), 11, 12);
        assertThat(adjacent.inclusionProof()).isEmpty();
        DualProof self = DualProofs.build(ledger, ledger.tree(), 7, 7);
        assertThat(self.consistencyProof()).hasSize(2);
        assertThat(self.linearProof().terms()).containsExactly(ledger.alh(7));
    }

    @Test
    void equalStatesAlsoAcceptAnEmptyConsistencyProof() {
        DualProof p = DualProofs.build(ledger, ledger.tree(), 7, 7);
        DualProof empty = new DualProof(p.source(), p.target(), p.inclusionProof(), List.of(), p.targetBlTxAlh(),
                p.lastInclusionProof(), p.linearProof());
        assertThat(verify(empty, 7, 7)).isEqualTo(Verification.ok());
    }

    @Test
    void idMismatchesAndReversedRangesFailNamingTheIds() {
        DualProof p = DualProofs.build(ledger, ledger.tree(), 3, 9);
        assertThat(failure(DualProofs.verify(p, 4, 9, ledger.alh(4), ledger.alh(9))).message())
                .contains("dual proof (4 -> 9): source header id: expected=4 calculated=3");
        assertThat(failure(DualProofs.verify(p, 3, 8, ledger.alh(3), ledger.alh(8))).message())
                .contains("target header id: expected=8 calculated=9");
        DualProof reversed = new DualProof(ledger.header(9), ledger.header(3), List.of(), List.of(),
                ledger.alh(2), List.of(), new LinearProof(9, 3, List.of(ledger.alh(9))));
        assertThat(failure(DualProofs.verify(reversed, 9, 3, ledger.alh(9), ledger.alh(3))).message())
                .contains("ids: expected=1 <= source <= target calculated=source=9 target=3");
    }

    @Test
    void untrustedAlhsFailAtTheHeaderCheck() {
        DualProof p = DualProofs.build(ledger, ledger.tree(), 3, 9);
        Verification.Failure f = failure(DualProofs.verify(p, 3, 9, ledger.alh(4), ledger.alh(9)));
        assertThat(f.check()).endsWith("Alh(source header)");
        assertThat(f.expected()).isEqualTo(Hex.s(ledger.alh(4)));
        assertThat(f.calculated()).isEqualTo(Hex.s(ledger.alh(3)));
        f = failure(DualProofs.verify(p, 3, 9, ledger.alh(3), ledger.alh(8)));
        assertThat(f.check()).endsWith("Alh(target header)");
    }

    @Test
    void unusedFieldsMustBeEmptyAndAbsentTargetBlTxAlhMustBeZero() {
        DualProof p = DualProofs.build(ledger, ledger.tree(), 1, 1);
        DualProof extra = new DualProof(p.source(), p.target(), List.of(Hashes.empty()), p.consistencyProof(),
                p.targetBlTxAlh(), p.lastInclusionProof(), p.linearProof());
        assertThat(failure(verify(extra, 1, 1)).check()).contains("inclusionProof must be empty");
        DualProof nonZero = new DualProof(p.source(), p.target(), p.inclusionProof(), p.consistencyProof(),
                Hashes.empty(), p.lastInclusionProof(), p.linearProof());
        assertThat(failure(verify(nonZero, 1, 1)).check()).contains("targetBlTxAlh when target blTxId is 0");
        DualProof q = DualProofs.build(ledger, ledger.tree(), 1, 2);
        DualProof extraConsistency = new DualProof(q.source(), q.target(), q.inclusionProof(),
                List.of(Hashes.empty()), q.targetBlTxAlh(), q.lastInclusionProof(), q.linearProof());
        assertThat(failure(verify(extraConsistency, 1, 2)).check()).contains("consistencyProof must be empty");
    }

    @Test
    void proofNeedingALinearAdvanceProofIsRejectedByBuildAndVerify() {
        // A lagging chain as written by immudb <= 1.4: tx 4 links only tx 1, tx 5 links tx 4.
        MemoryTree tree = new MemoryTree();
        List<TxHeader> headers = new ArrayList<>();
        long[] bl = {0, 1, 1, 1, 4};
        byte[] prev = Hashes.empty();
        for (int i = 0; i < bl.length; i++) {
            byte[] blRoot = bl[i] == 0 ? Hashes.zero() : AppendOnlyTree.root(tree, bl[i]);
            TxHeader h = new TxHeader(i + 1, prev, i, 1, TxMetadata.EMPTY, 1, Hashes.sha256(new byte[] {(byte) i}),
                    bl[i], blRoot);
            headers.add(h);
            tree.append(h.alh());
            prev = h.alh();
        }
        HeaderSource source = id -> headers.get((int) id - 1);
        assertThatThrownBy(() -> DualProofs.build(source, tree, 4, 5)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("linear advance proof would be needed from 1 to 4");
        DualProof p = new DualProof(headers.get(3), headers.get(4), List.of(),
                AppendOnlyTree.consistencyProof(tree, 1, 4), headers.get(3).alh(),
                AppendOnlyTree.lastInclusionProof(tree, 4), LinearProofs.build(source, 4, 5));
        Verification v = DualProofs.verify(p, 4, 5, headers.get(3).alh(), headers.get(4).alh());
        assertThat(failure(v).message()).contains("linear advance proof (1 -> 4): expected=present calculated=absent");
    }

    @Test
    void buildRejectsBadRangesNamingThem() {
        assertThatThrownBy(() -> DualProofs.build(ledger, ledger.tree(), 0, 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source=0 target=3");
        assertThatThrownBy(() -> DualProofs.build(ledger, ledger.tree(), 5, 4))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("source=5 target=4");
    }

    @Test
    void dualProofCopiesArraysAndComparesByContent() {
        DualProof p = DualProofs.build(ledger, ledger.tree(), 3, 9);
        p.targetBlTxAlh()[0] ^= 1;
        p.inclusionProof().get(0)[0] ^= 1;
        assertThat(verify(p, 3, 9)).isEqualTo(Verification.ok());
        assertThat(p).isEqualTo(DualProofs.build(ledger, ledger.tree(), 3, 9))
                .hasSameHashCodeAs(DualProofs.build(ledger, ledger.tree(), 3, 9));
        assertThat(p.toString()).contains("targetBlTxAlh=" + Hex.s(ledger.alh(8)));
    }

    @Test
    void aProofBuiltFromCallerListsKeepsCopiesOfTheirHashes() {
        DualProof built = DualProofs.build(ledger, ledger.tree(), 3, 9);
        List<byte[]> inclusion = built.inclusionProof();
        DualProof p = new DualProof(built.source(), built.target(), inclusion, built.consistencyProof(),
                built.targetBlTxAlh(), built.lastInclusionProof(), built.linearProof());
        inclusion.get(0)[0] ^= 1;
        assertThat(verify(p, 3, 9)).isEqualTo(Verification.ok());
    }
}
