package io.veridb.kv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class KvEncodingTest {

    private static final HexFormat HEX = HexFormat.of();

    @Test
    void referenceValueMatchesTheSpecExample() {
        assertThat(HEX.formatHex(KvEncoding.referenceValue(utf8("k1"), 0)))
                .isEqualTo("01" + "0000000000000000" + "00" + "6b31");
    }

    @Test
    void zsetKeyMatchesTheSpecExample() {
        byte[] key = KvEncoding.zsetKey(utf8("myset"), 1.5, utf8("k1"), 0);

        assertThat(HEX.formatHex(key)).isEqualTo("01" + "0000000000000005" + "6d79736574" + "3ff8000000000000"
                + "0000000000000003" + "006b31" + "0000000000000000");
    }

    @Test
    void zsetKeyDecodesBackToItsParts() {
        KvEncoding.ZsetMember m = KvEncoding.decodeZsetKey(KvEncoding.zsetKey(utf8("s"), -2.25, utf8("abc"), 42));

        assertThat(m.set()).isEqualTo(utf8("s"));
        assertThat(m.score()).isEqualTo(-2.25);
        assertThat(m.key()).isEqualTo(utf8("abc"));
        assertThat(m.atTx()).isEqualTo(42);
    }

    @Test
    void negativeScoresSortAfterPositiveOnesInEncodedOrder() {
        byte[] positive = KvEncoding.zsetKey(utf8("s"), 100, utf8("a"), 0);
        byte[] negative = KvEncoding.zsetKey(utf8("s"), -1, utf8("a"), 0);

        assertThat(Arrays.compareUnsigned(positive, negative)).isNegative();
    }

    @Test
    void referenceDecodesBackAndPlainValuesAreNotReferences() {
        KvEncoding.Reference r = KvEncoding.decodeReference(KvEncoding.referenceValue(utf8("target"), 9));

        assertThat(r.key()).isEqualTo(utf8("target"));
        assertThat(r.atTx()).isEqualTo(9);
        assertThat(KvEncoding.isReference(KvEncoding.plainValue(utf8("0123456789")))).isFalse();
    }

    @Test
    void malformedZsetKeyIsDataLossNamingTheLength() {
        assertThatThrownBy(() -> KvEncoding.decodeZsetKey(new byte[] {1, 0, 0, 0, 0, 0, 0, 0, 9}))
                .isInstanceOfSatisfying(KvException.class, e -> {
                    assertThat(e.code()).isEqualTo(KvErrorCode.DATA_LOSS);
                    assertThat(e.getMessage()).contains("length");
                });
    }

    @Test
    void stripDropsOnlyTheFirstByte() {
        assertThat(KvEncoding.strip(KvEncoding.kvKey(utf8("key")))).isEqualTo(utf8("key"));
        assertThat(KvEncoding.strip(new byte[0])).isEmpty();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
