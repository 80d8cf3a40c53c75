package io.veridb.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class KeySortTest {

    private static final long SEED = 7L;

    @Test
    void ordersRandomKeysAsTheUnsignedComparatorDoes() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        byte[][] keys = new byte[20_000][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new byte[32];
            rnd.nextBytes(keys[i]);
        }
        assertSortedLikeTheComparator(keys);
    }

    @Test
    void ordersKeysThatShareLongPrefixesOrAreShorterThanThePrefix() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        byte[][] keys = new byte[5_000][];
        for (int i = 0; i < keys.length; i++) {
            byte[] k = new byte[rnd.nextInt(0, 12)];
            for (int j = 0; j < k.length; j++) {
                k[j] = (byte) (j < 7 ? 0 : rnd.nextInt(256)); // mostly zeros: many ties and padded prefixes
                if (rnd.nextInt(10) == 0) {
                    k[j] = (byte) 0xFF;
                }
            }
            keys[i] = k;
        }
        assertSortedLikeTheComparator(keys);
    }

    @Test
    void fallsBackToTheComparatorBeyondThePackedLimit() {
        SplittableRandom rnd = new SplittableRandom(SEED);
        byte[][] keys = new byte[KeySort.MAX_PACKED + 10][];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = new byte[8];
            rnd.nextBytes(keys[i]);
        }
        assertSortedLikeTheComparator(keys);
    }

    private static void assertSortedLikeTheComparator(byte[][] keys) {
        byte[][] expected = keys.clone();
        Arrays.sort(expected, Arrays::compareUnsigned);
        byte[][] actual = keys.clone();
        KeySort.sort(actual, Function.identity());
        for (int i = 0; i < keys.length; i++) {
            assertThat(actual[i]).as("position %d of %d (seed %d)", i, keys.length, SEED).isEqualTo(expected[i]);
        }
    }
}
