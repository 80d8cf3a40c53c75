package io.veridb.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LinearProofsTest {

    final TestLedger ledger = DualProofsTest.ledger(9, 1);

    @Test
    void buildsAlhThenInnerHashesAndVerifiesForAllPairs() {
        for (long s = 1; s <= 9; s++) {
            for (long t = s; t <= 9; t++) {
                LinearProof p = LinearProofs.build(ledger, s, t);
                assertThat(p.terms()).hasSize((int) (t - s + 1));
                assertThat(p.terms().get(0)).isEqualTo(ledger.alh(s));
                for (long k = s + 1; k <= t; k++) {
                    assertThat(p.terms().get((int) (k - s))).isEqualTo(ledger.header(k).innerHash());
                }
                assertThat(LinearProofs.verify(p, s, t, ledger.alh(s), ledger.alh(t))).isEqualTo(Verification.ok());
                for (List<byte[]> bad : Mutations.of(p.terms())) {
                    assertThat(LinearProofs.verify(new LinearProof(s, t, bad), s, t, ledger.alh(s), ledger.alh(t))
                            .isOk()).isFalse();
                }
            }
        }
    }

    @Test
    void rejectsMismatchedIdsAndAlhsWithExpectedAndCalculated() {
        LinearProof p = LinearProofs.build(ledger, 3, 5);
        Verification.Failure f = (Verification.Failure) LinearProofs.verify(p, 2, 5, ledger.alh(2), ledger.alh(5));
        assertThat(f.message()).contains("sourceTxId").contains("expected=2 calculated=3");
        f = (Verification.Failure) LinearProofs.verify(p, 3, 6, ledger.alh(3), ledger.alh(6));
        assertThat(f.message()).contains("targetTxId").contains("expected=6 calculated=5");
        f = (Verification.Failure) LinearProofs.verify(p, 3, 5, ledger.alh(2), ledger.alh(5));
        assertThat(f.check()).contains("Alh(3)");
        f = (Verification.Failure) LinearProofs.verify(p, 3, 5, ledger.alh(3), ledger.alh(4));
        assertThat(f.check()).contains("Alh(5)");
        assertThat(f.expected()).isEqualTo(Hex.s(ledger.alh(4)));
        assertThat(f.calculated()).isEqualTo(Hex.s(ledger.alh(5)));
        List<byte[]> longer = new ArrayList<>(p.terms());
        longer.add(ledger.header(6).innerHash());
        f = (Verification.Failure) LinearProofs.verify(new LinearProof(3, 5, longer), 3, 5, ledger.alh(3),
                ledger.alh(5));
        assertThat(f.check()).contains("proof has 4 hashes, want 3");
        LinearProof backwards = new LinearProof(5, 3, List.of(ledger.alh(5)));
        assertThat(LinearProofs.verify(backwards, 5, 3, ledger.alh(5), ledger.alh(3)).isOk()).isFalse();
        LinearProof zero = new LinearProof(0, 0, List.of(Hashes.empty()));
        assertThat(LinearProofs.verify(zero, 0, 0, Hashes.empty(), Hashes.empty()).isOk()).isFalse();
    }

    @Test
    void buildRejectsBadRanges() {
        assertThatThrownBy(() -> LinearProofs.build(ledger, 0, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("source=0 target=3");
        assertThatThrownBy(() -> LinearProofs.build(ledger, 4, 3)).hasMessageContaining("source=4 target=3");
        assertThatThrownBy(() -> LinearProofs.build(id -> ledger.header(1), 1, 2))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("returned id=1 for id=2");
    }

    @Test
    void theFirstTermIsTheSourcesAlhWithoutRebuildingItsHeader() {
        HeaderSource alhOnlyForSource = new HeaderSource() {
            @Override
            public TxHeader header(long id) {
                if (id == 3) {
                    throw new AssertionError("header 3 rebuilt; its Alh alone was needed");
                }
                return ledger.header(id);
            }

            @Override
            public byte[] alh(long id) {
                return ledger.alh(id);
            }
        };
        LinearProof p = LinearProofs.build(alhOnlyForSource, 3, 6);
        assertThat(LinearProofs.verify(p, 3, 6, ledger.alh(3), ledger.alh(6))).isEqualTo(Verification.ok());
    }
}
