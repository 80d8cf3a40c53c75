package io.veridb.proofs;

import static io.veridb.proofs.Hex.b;
import static io.veridb.proofs.Hex.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class MetadataTest {

    @Test
    void kvMetadataEncodesEachAttributeInFixedOrder() {
        assertThat(KvMetadata.NONE.encode()).isEmpty();
        assertThat(KvMetadata.NONE.isEmpty()).isTrue();
        assertThat(s(new KvMetadata(true, OptionalLong.empty(), false).encode())).isEqualTo("00");
        assertThat(s(new KvMetadata(false, OptionalLong.of(1), false).encode())).isEqualTo("010000000000000001");
        assertThat(s(new KvMetadata(false, OptionalLong.empty(), true).encode())).isEqualTo("02");
        assertThat(s(new KvMetadata(true, OptionalLong.empty(), true).encode())).isEqualTo("0002");
    }

    @Test
    void kvMetadataRoundTripsAllCombinations() {
        for (int mask = 0; mask < 8; mask++) {
            KvMetadata md = new KvMetadata((mask & 1) != 0,
                    (mask & 2) != 0 ? OptionalLong.of(1_700_000_000L + mask) : OptionalLong.empty(), (mask & 4) != 0);
            assertThat(KvMetadata.decode(md.encode())).isEqualTo(md);
            assertThat(md.isEmpty()).isEqualTo(mask == 0);
        }
    }

    @Test
    void kvMetadataWritesTheBytesItEncodesAndKnowsTheirLength() {
        for (int mask = 0; mask < 8; mask++) {
            KvMetadata md = new KvMetadata((mask & 1) != 0,
                    (mask & 2) != 0 ? OptionalLong.of(0x0102030405060708L) : OptionalLong.empty(), (mask & 4) != 0);
            java.nio.ByteBuffer out = java.nio.ByteBuffer.allocate(KvMetadata.MAX_ENCODED_LENGTH);
            md.writeTo(out);
            assertThat(java.util.Arrays.copyOf(out.array(), out.position())).isEqualTo(md.encode());
            assertThat(md.encodedLength()).isEqualTo(md.encode().length);
        }
    }

    @Test
    void kvMetadataDecodeRejectsUnknownRepeatedUnorderedAndTruncatedAttributes() {
        assertThatThrownBy(() -> KvMetadata.decode(b("03"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("code=3").hasMessageContaining("offset=0");
        assertThatThrownBy(() -> KvMetadata.decode(b("0000"))).hasMessageContaining("code=0 offset=1");
        assertThatThrownBy(() -> KvMetadata.decode(b("0200"))).hasMessageContaining("previousCode=2");
        assertThatThrownBy(() -> KvMetadata.decode(b("01000000"))).hasMessageContaining("remaining=3 want=8");
    }

    @Test
    void txMetadataEncodesTruncationAndExtra() {
        assertThat(TxMetadata.EMPTY.encode()).isEmpty();
        assertThat(TxMetadata.EMPTY.isEmpty()).isTrue();
        TxMetadata md = new TxMetadata(5, b("abcd"));
        assertThat(s(md.encode())).isEqualTo("00" + "0000000000000005" + "01" + "0002" + "abcd");
        assertThat(TxMetadata.decode(md.encode())).isEqualTo(md);
        assertThat(s(new TxMetadata(0, b("ff")).encode())).isEqualTo("010001ff");
        assertThat(TxMetadata.decode(new byte[0])).isEqualTo(TxMetadata.EMPTY);
        TxMetadata longest = new TxMetadata(1, new byte[256]);
        assertThat(longest.encode()).hasSize(9 + 3 + 256);
        assertThat(TxMetadata.decode(longest.encode())).isEqualTo(longest);
    }

    @Test
    void txMetadataRejectsBadValuesNamingThemAndTheLimit() {
        assertThatThrownBy(() -> new TxMetadata(-1, new byte[0])).hasMessageContaining("truncatedTxId=-1");
        assertThatThrownBy(() -> new TxMetadata(0, new byte[257])).hasMessageContaining("257 bytes, want at most 256");
        assertThatThrownBy(() -> TxMetadata.decode(b("02"))).hasMessageContaining("code=2");
        assertThatThrownBy(() -> TxMetadata.decode(b("0000000000000000 00"))).hasMessageContaining("truncatedTxId=0");
        assertThatThrownBy(() -> TxMetadata.decode(b("010000"))).hasMessageContaining("extra length 0");
        assertThatThrownBy(() -> TxMetadata.decode(b("010003abcd"))).hasMessageContaining("remaining=2 want=3");
        assertThatThrownBy(() -> TxMetadata.decode(b("0101"))).hasMessageContaining("extra length truncated");
        assertThatThrownBy(() -> TxMetadata.decode(b("010001ff 0000000000000001")))
                .hasMessageContaining("previousCode=1");
    }

    @Test
    void txMetadataCopiesExtraDefensively() {
        byte[] extra = b("0102");
        TxMetadata md = new TxMetadata(0, extra);
        extra[0] = 9;
        assertThat(md.extra()).isEqualTo(b("0102"));
        md.extra()[0] = 9;
        assertThat(md.extra()).isEqualTo(b("0102"));
        assertThat(md).isEqualTo(new TxMetadata(0, b("0102"))).hasSameHashCodeAs(new TxMetadata(0, b("0102")));
    }

    @Test
    void entryDigestV0IsHashOfKeyAndHValueAndRefusesMetadata() {
        byte[] hValue = Hashes.sha256(b("00aa"));
        assertThat(EntryDigest.of(0, b("0001"), KvMetadata.NONE, hValue)).isEqualTo(Hashes.sha256(b("0001"), hValue));
        KvMetadata deleted = new KvMetadata(true, OptionalLong.empty(), false);
        assertThatThrownBy(() -> EntryDigest.of(0, b("00"), deleted, hValue))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("version 0");
        assertThatThrownBy(() -> EntryDigest.of(2, b("00"), KvMetadata.NONE, hValue))
                .hasMessageContaining("headerVersion=2, want 0 or 1");
        assertThatThrownBy(() -> EntryDigest.of(1, b("00"), KvMetadata.NONE, new byte[31]))
                .hasMessageContaining("hValue has 31 bytes, want 32");
    }

    @Test
    void entryDigestV1IncludesMetadataWithLengthPrefix() {
        byte[] hValue = Hashes.sha256();
        KvMetadata deleted = new KvMetadata(true, OptionalLong.empty(), false);
        assertThat(EntryDigest.of(1, b("006b31"), deleted, hValue))
                .isEqualTo(Hashes.sha256(b("0001 00 0003 006b31"), hValue));
        KvMetadata all = new KvMetadata(true, OptionalLong.of(7), true);
        byte[] longKey = new byte[EntryDigest.MAX_KEY_LENGTH];
        longKey[0] = 1;
        longKey[longKey.length - 1] = 2;
        for (byte[] key : new byte[][] {b("006b31"), longKey, b("006b32")}) { // the long key grows the frame
            java.nio.ByteBuffer prefix = java.nio.ByteBuffer.allocate(2 + 11 + 2);
            prefix.putShort((short) 11).put(all.encode()).putShort((short) key.length);
            assertThat(EntryDigest.of(1, key, all, hValue)).isEqualTo(Hashes.sha256(prefix.array(), key, hValue));
        }
        assertThatThrownBy(() -> EntryDigest.of(1, new byte[65536], KvMetadata.NONE, hValue))
                .hasMessageContaining("65536 bytes, want at most 65535");
    }
}
