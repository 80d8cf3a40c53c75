package io.veridb.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class KeyFilterTest {

    private static final long SEED = 20261121L;

    @Test
    void neverAnswersAbsentForAnAddedKeyWhileGrowingThroughSeveralFilters() {
        KeyFilter f = new KeyFilter(1_000, 64L << 20);
        SplittableRandom rnd = new SplittableRandom(SEED);
        long[] added = new long[200_000];
        for (int i = 0; i < added.length; i++) {
            added[i] = rnd.nextLong();
            f.add(added[i]);
        }
        for (long h : added) {
            assertThat(f.mightContain(h)).as("hash %x (seed %d)", h, SEED).isTrue();
        }
        assertThat(f.usedBytes()).as("grew past the first filter").isGreaterThan(1_000 * 10 / 8);
        assertThat(f.saturated()).isFalse();
    }

    @Test
    void provesMostOtherKeysAbsent() {
        KeyFilter f = new KeyFilter(100_000, 64L << 20);
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int i = 0; i < 100_000; i++) {
            f.add(ByteKey.hash64(LedgerContractTest.b("key-" + i)));
        }
        int falsePositives = 0;
        for (int i = 0; i < 100_000; i++) {
            if (f.mightContain(ByteKey.hash64(LedgerContractTest.b("other-" + rnd.nextLong())))) {
                falsePositives++;
            }
        }
        assertThat(falsePositives).as("false positives in 100,000 (about 1%% expected)").isLessThan(3_000);
    }

    @Test
    void saturatesAtItsByteLimitAndThenMayContainEveryKey() {
        KeyFilter f = new KeyFilter(1_000, 4_096);
        SplittableRandom rnd = new SplittableRandom(SEED);
        for (int i = 0; i < 10_000; i++) {
            f.add(rnd.nextLong());
        }
        assertThat(f.saturated()).isTrue();
        assertThat(f.mightContain(rnd.nextLong())).isTrue();
    }

    @Test
    void refusesAnEmptySizeNamingIt() {
        assertThatThrownBy(() -> new KeyFilter(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("firstCapacity=0");
    }
}
