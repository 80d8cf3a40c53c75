package io.veridb.proofs;

import static io.veridb.proofs.Hex.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class TxHeaderTest {

    static final byte[] H = Hashes.sha256(b("01"));

    static TxHeader header(long id, int version, TxMetadata md, int nentries, long blTxId) {
        return new TxHeader(id, H, 1_700_000_000L, version, md, nentries, H, blTxId, Hashes.zero());
    }

    @Test
    void v1InnerHashCoversMetadataAnd32BitEntryCount() {
        TxMetadata md = new TxMetadata(3, new byte[0]);
        TxHeader h = header(5, 1, md, 70_000, 4);
        byte[] input = Hex.concat(Encoding.bigEndian64(1_700_000_000L), b("0001 0009"), md.encode(),
                b("00011170"), H, Encoding.bigEndian64(4), new byte[32]);
        assertThat(h.innerHash()).isEqualTo(Hashes.sha256(input));
        assertThat(h.alh()).isEqualTo(Hashes.sha256(Encoding.bigEndian64(5), H, h.innerHash()));
    }

    @Test
    void v0InnerHashHasNoMetadataAnd16BitEntryCount() {
        TxHeader h = header(5, 0, TxMetadata.EMPTY, 3, 4);
        byte[] input = Hex.concat(Encoding.bigEndian64(1_700_000_000L), b("0000 0003"), H, Encoding.bigEndian64(4),
                new byte[32]);
        assertThat(h.innerHash()).isEqualTo(Hashes.sha256(input));
    }

    @Test
    void rejectsUnrepresentableHeadersNamingTheValueAndLimit() {
        assertThatThrownBy(() -> header(0, 1, TxMetadata.EMPTY, 1, 0)).hasMessageContaining("id=0, want >= 1");
        assertThatThrownBy(() -> header(1, 2, TxMetadata.EMPTY, 1, 0)).hasMessageContaining("version=2");
        assertThatThrownBy(() -> header(1, 0, TxMetadata.EMPTY, 65536, 0))
                .hasMessageContaining("nentries=65536, want <= 65535 in version 0");
        assertThatThrownBy(() -> header(1, 1, TxMetadata.EMPTY, 0, 0)).hasMessageContaining("nentries=0");
        assertThatThrownBy(() -> header(2, 0, new TxMetadata(1, new byte[0]), 1, 1))
                .hasMessageContaining("version 0 allows no tx metadata");
        assertThatThrownBy(() -> header(3, 1, TxMetadata.EMPTY, 1, 3)).hasMessageContaining("blTxId=3")
                .hasMessageContaining("id=3");
        assertThatThrownBy(() -> new TxHeader(1, new byte[31], 0, 1, TxMetadata.EMPTY, 1, H, 0, H))
                .hasMessageContaining("prevAlh has 31 bytes, want 32");
    }

    @Test
    void copiesArraysInAndOutAndComparesByContent() {
        byte[] prev = H.clone();
        TxHeader h = new TxHeader(2, prev, 1, 1, TxMetadata.EMPTY, 1, H, 1, H);
        byte[] alh = h.alh();
        prev[0] ^= 1;
        h.prevAlh()[0] ^= 1;
        h.eH()[0] ^= 1;
        h.blRoot()[0] ^= 1;
        assertThat(h.alh()).isEqualTo(alh);
        TxHeader same = new TxHeader(2, H, 1, 1, TxMetadata.EMPTY, 1, H, 1, H);
        assertThat(h).isEqualTo(same).hasSameHashCodeAs(same);
        assertThat(h.toString()).contains("id=2").contains(Hex.s(H));
    }
}
