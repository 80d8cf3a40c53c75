package io.veridb.bench.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class LatencyHistogramTest {

    @Test
    void bucketsAreContiguousAndLowerBoundsRoundTrip() {
        for (long v = 0; v < 100_000; v++) {
            int i = LatencyHistogram.index(v);
            assertThat(LatencyHistogram.lowerBound(i)).isLessThanOrEqualTo(v);
            assertThat(LatencyHistogram.index(LatencyHistogram.lowerBound(i))).isEqualTo(i);
        }
        assertThat(LatencyHistogram.index(Long.MAX_VALUE)).isLessThan((64 - LatencyHistogram.SUB_BITS) * 32);
    }

    @Test
    void percentilesAreWithinThreePercentOfTheExactOnes() {
        long seed = 42;
        Random r = new Random(seed);
        long[] samples = new long[10_000];
        LatencyHistogram h = new LatencyHistogram();
        for (int i = 0; i < samples.length; i++) {
            samples[i] = 50_000 + (long) (r.nextDouble() * r.nextDouble() * 20_000_000);
            h.record(samples[i]);
        }
        Arrays.sort(samples);
        for (double q : new double[] {0.5, 0.9, 0.99, 1.0}) {
            long exact = samples[(int) Math.ceil(q * samples.length) - 1];
            assertThat((double) h.percentileNanos(q)).as("q=%s seed=%s", q, seed)
                    .isBetween(exact * 0.968, (double) exact);
        }
        assertThat(h.maxNanos()).isEqualTo(samples[samples.length - 1]);
        assertThat(h.count()).isEqualTo(samples.length);
    }

    @Test
    void mergingAddsCountsAndKeepsTheMaximum() {
        LatencyHistogram a = new LatencyHistogram();
        LatencyHistogram b = new LatencyHistogram();
        a.record(10);
        a.record(20);
        b.record(1_000_000);
        a.add(b);
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.maxNanos()).isEqualTo(1_000_000);
        assertThat(a.percentileNanos(0.5)).isEqualTo(20);
        assertThat(a.meanNanos()).isEqualTo((10 + 20 + 1_000_000) / 3.0);
    }

    @Test
    void emptyHistogramReportsZeroAndBadQuantilesAreRejected() {
        LatencyHistogram h = new LatencyHistogram();
        assertThat(h.percentileNanos(0.99)).isZero();
        assertThat(h.meanNanos()).isZero();
        assertThatThrownBy(() -> h.percentileNanos(0)).hasMessage("quantile=0.0, want 0 < q <= 1");
    }
}
