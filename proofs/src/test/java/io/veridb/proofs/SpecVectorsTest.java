package io.veridb.proofs;

import static io.veridb.proofs.Hex.b;
import static io.veridb.proofs.Hex.concat;
import static io.veridb.proofs.Hex.s;
import static io.veridb.proofs.Hex.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every worked example of the protocol spec (§3.1–§3.3, §3.11, §4) reproduced byte for byte. */
class SpecVectorsTest {

    static final String GENESIS = "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855";

    static byte[] u64(long v) {
        return java.nio.ByteBuffer.allocate(8).putLong(v).array();
    }

    static List<String> hex(List<byte[]> hashes) {
        return hashes.stream().map(Hex::s).toList();
    }

    @Nested
    class Encodings {

        @Test
        void genesisAlhIsSha256OfEmptyString() {
            assertThat(s(Hashes.EMPTY)).isEqualTo(GENESIS);
            assertThat(s(Hashes.empty())).isEqualTo(GENESIS);
            assertThat(Hashes.zero()).hasSize(32).containsOnly(0);
        }

        @Test
        void referenceValueForK1AtTx0MatchesSpec() {
            byte[] ref = concat(new byte[] {1}, u64(0), new byte[] {0}, utf8("k1"));
            assertThat(s(ref)).isEqualTo("01" + "0000000000000000" + "00" + "6b31");
        }

        @Test
        void zsetKeyAndItsV1DigestMatchSpec() {
            byte[] zkey = zsetKey();
            assertThat(s(zkey)).isEqualTo(("01 0000000000000005 6d79736574 3ff8000000000000 0000000000000003 006b31 "
                    + "0000000000000000").replace(" ", ""));
            byte[] digest = EntryDigest.of(1, zkey, KvMetadata.NONE, Hashes.sha256());
            assertThat(s(digest)).isEqualTo("4c8e135094a38de564c2f6b94314856e94cf4d0df3c16e865e142f0f39487a27");
        }

        static byte[] zsetKey() {
            byte[] set = utf8("myset");
            byte[] key = concat(new byte[] {0}, utf8("k1"));
            return concat(new byte[] {1}, u64(set.length), set, u64(Double.doubleToLongBits(1.5)),
                    u64(key.length), key, u64(0));
        }

        @Test
        void kvMetadataWithAllThreeAttributesMatchesSpec() {
            KvMetadata md = new KvMetadata(true, OptionalLong.of(1_700_000_000L), true);
            assertThat(s(md.encode())).isEqualTo("00" + "01" + "000000006553f100" + "02");
            assertThat(md.encode()).hasSize(KvMetadata.MAX_ENCODED_LENGTH);
            assertThat(KvMetadata.decode(b("00 01 000000006553f100 02"))).isEqualTo(md);
        }

        @Test
        void entryDigestV1ExampleMatchesSpec() {
            byte[] hValue = Hashes.sha256(b("007631"));
            assertThat(s(hValue)).isEqualTo("9d0727eaa35cfb8038c15459141ba4199aa4a06cab03fb87656a99f4c6bd5beb");
            byte[] digest = EntryDigest.of(1, b("006b31"), KvMetadata.NONE, hValue);
            assertThat(s(digest)).isEqualTo("22914491419e2a9c34b012903287297600e90947b9869ac2042106fbf2c50f82");
            assertThat(digest).isEqualTo(Hashes.sha256(b("0000 0003 006b31"), hValue));
        }
    }

    @Nested
    class ImmudbPyRecordedV0 {

        final byte[] encKey = b("00696d6d757461626c65");
        final byte[] hValue = Hashes.sha256(b("006461746162617365"));
        final byte[] eH = EntriesTree.root(List.of(EntryDigest.of(0, encKey, KvMetadata.NONE, hValue)));

        @Test
        void entryDigestAndEhMatchRecordedServer() {
            assertThat(s(hValue)).isEqualTo("3726be13b01617485eb349cafa83d1c5133640ab94462d5156db3d2ecf27fe9d");
            byte[] digest = EntryDigest.of(0, encKey, KvMetadata.NONE, hValue);
            assertThat(s(digest)).isEqualTo("b6abce63928c29c8a8dd01f27fd00b746515cf02a5a68242ab68875f06c6f7b9");
            assertThat(s(eH)).isEqualTo("5b8d8322aef2123af405de6fc2136059ac295c6ba04e3b32ac21f94ffd5a0203");
        }

        @Test
        void tx1InnerHashAlhAndSelfDualProofMatchRecordedServer() {
            TestLedger ledger = new TestLedger();
            TxHeader tx1 = ledger.commit(0, 1612954720L, TxMetadata.EMPTY,
                    List.of(EntryDigest.of(0, encKey, KvMetadata.NONE, hValue)));
            assertThat(s(tx1.prevAlh())).isEqualTo(GENESIS);
            assertThat(s(tx1.innerHash())).isEqualTo("51c1c50919365268a5ef4bd31b0005d79002171866f1e184a3d9e8b8e628813d");
            assertThat(s(tx1.alh())).isEqualTo("434f516ce36fef16e0b266b5293d7231fc7ec9d7699b8d30730a18bfa84e92b2");

            DualProof p = DualProofs.build(ledger, ledger.tree(), 1, 1);
            assertThat(p.inclusionProof()).isEmpty();
            assertThat(p.consistencyProof()).isEmpty();
            assertThat(p.lastInclusionProof()).isEmpty();
            assertThat(p.targetBlTxAlh()).isEqualTo(new byte[32]);
            assertThat(p.linearProof().sourceTxId()).isEqualTo(1);
            assertThat(p.linearProof().targetTxId()).isEqualTo(1);
            assertThat(hex(p.linearProof().terms())).containsExactly(s(tx1.alh()));
            assertThat(DualProofs.verify(p, 1, 1, tx1.alh(), tx1.alh())).isEqualTo(Verification.ok());
        }

        @Test
        void tx3To4DualProofPiecesMatchRecordedServer() {
            byte[] alh3 = b("6bae16ea2402e4939e538da7d0d478a6eab3d3ec0ba38f7cf4470858f79bb964");
            byte[] root2 = b("58884246888b8421a73bd2a797b29ea14caa7acb8589cca3a146a6815f1c9622");
            byte[] root3 = b("61b280ffebf6970c30b894b63c68d2945aed36b44e71d3b24c931d7197a32d8a");
            byte[] leaf3 = Hashes.leaf(alh3);
            assertThat(s(leaf3)).isEqualTo("138fdddcbd083376a097192e3984dc7771197de4b02dd2cf048e6ccf391b710f");
            assertThat(Hashes.node(root2, leaf3)).isEqualTo(root3);

            TxHeader tx4 = new TxHeader(4, alh3, 1612954808L, 0, TxMetadata.EMPTY, 1, eH, 3, root3);
            assertThat(s(tx4.innerHash())).isEqualTo("d61feceec7149f76f7e551711d7dd6cd02852fbe380a5b849400458b943027e0");
            assertThat(s(tx4.alh())).isEqualTo("1e1f4fc020c05f4d30a8e17804ca09d18eb5a37c43cd6d9fa9bc0a1d49f91b0d");

            assertThat(AppendOnlyTree.verifyConsistency(List.of(root2, leaf3), 2, 3, root2, root3).isOk()).isTrue();
            assertThat(AppendOnlyTree.verifyLastInclusion(List.of(root2), 3, leaf3, root3).isOk()).isTrue();
            LinearProof linear = new LinearProof(3, 4, List.of(alh3, tx4.innerHash()));
            assertThat(LinearProofs.verify(linear, 3, 4, alh3, tx4.alh()).isOk()).isTrue();
        }
    }

    @Nested
    class SyntheticV1Chain {

        final TestLedger ledger = chain();

        static TestLedger chain() {
            TestLedger ledger = new TestLedger();
            for (int i = 1; i <= 3; i++) {
                byte[] key = concat(new byte[] {0}, utf8("k" + i));
                byte[] value = concat(new byte[] {0}, utf8("v" + i));
                ledger.commit(1, 1_700_000_000L + i, TxMetadata.EMPTY,
                        List.of(EntryDigest.of(1, key, KvMetadata.NONE, Hashes.sha256(value))));
            }
            return ledger;
        }

        @Test
        void headersMatchSpecTable() {
            String[][] want = {
                {"38905c2221334380f9f523b58f2b24d512c15d75097b9d9198bf7d49a0d85782", "0",
                    "0000000000000000000000000000000000000000000000000000000000000000",
                    "1f2886c8d3306747df10f3e523f92aed4b0101c5dcd56b2e39e2e35903d2109f",
                    "8028aecd9cb1e2c724aca9baf58cea93d54cd06e518ac1fa108e9a9b7436dbd5"},
                {"d7f6cd568ca2b2b4f914998a59c250da1bfae52708b60d9fe081e178696a2a72", "1",
                    "2cff548e4fa311e2023315878f9bb987e742202489f54f424e6321ee37f063b3",
                    "9f3b93f76be4a323caeecf3e8b40f0c6edba4ec68458d844c8c87a136977324c",
                    "49bc7b3ea846235932ee709cbfe2b51bf9b9457ee65ca88c09bd51cc67f2c4e4"},
                {"cbf3eb932370b89bfe02745b5191f699febbee5be29f00b050a42f1fd4bac082", "2",
                    "b029d8ad693be79ea1484cc3be0bd7c72c066ec1ea7026c688efbd591df571f3",
                    "3c4dda7b0d3a694dfc9b6f1c73bd80c96c40437b73ecc880cfd4ba1458e7f420",
                    "98925c9fd87ec90253d952e9f9c718ac9a7e8821b4335b2c9142e5a74d657f38"},
            };
            for (int i = 0; i < 3; i++) {
                TxHeader h = ledger.header(i + 1);
                assertThat(s(h.eH())).as("eH %d", i + 1).isEqualTo(want[i][0]);
                assertThat(h.blTxId()).as("blTxId %d", i + 1).isEqualTo(Long.parseLong(want[i][1]));
                assertThat(s(h.blRoot())).as("blRoot %d", i + 1).isEqualTo(want[i][2]);
                assertThat(s(h.innerHash())).as("innerHash %d", i + 1).isEqualTo(want[i][3]);
                assertThat(s(h.alh())).as("Alh %d", i + 1).isEqualTo(want[i][4]);
            }
            assertThat(s(ledger.header(1).prevAlh())).isEqualTo(GENESIS);
        }

        @Test
        void tx1InnerHashInputIsTheSpecLayout() {
            TxHeader h = ledger.header(1);
            byte[] input = b("000000006553f101 0001 0000 00000001" + s(h.eH()) + "0000000000000000" + "00".repeat(32));
            assertThat(h.innerHash()).isEqualTo(Hashes.sha256(input));
        }

        @Test
        void dualProof2To3MatchesSpec() {
            DualProof p = DualProofs.build(ledger, ledger.tree(), 2, 3);
            assertThat(p.inclusionProof()).isEmpty();
            assertThat(hex(p.consistencyProof())).containsExactly(
                    "2cff548e4fa311e2023315878f9bb987e742202489f54f424e6321ee37f063b3",
                    "634b29ebfe8d3d1c92c2100b40b83b394026df019ad87f27726b762c3351a254");
            assertThat(p.targetBlTxAlh()).isEqualTo(ledger.alh(2));
            assertThat(hex(p.lastInclusionProof()))
                    .containsExactly("2cff548e4fa311e2023315878f9bb987e742202489f54f424e6321ee37f063b3");
            assertThat(p.linearProof().sourceTxId()).isEqualTo(2);
            assertThat(p.linearProof().targetTxId()).isEqualTo(3);
            assertThat(hex(p.linearProof().terms()))
                    .containsExactly(s(ledger.alh(2)), s(ledger.header(3).innerHash()));
            assertThat(DualProofs.verify(p, 2, 3, ledger.alh(2), ledger.alh(3))).isEqualTo(Verification.ok());
        }

        @Test
        void singleEntryHtreeProofHasNoTerms() {
            InclusionProof p = EntriesTree.proof(ledger.digests(3), 0);
            assertThat(p).isEqualTo(new InclusionProof(0, 1, List.of()));
            assertThat(EntriesTree.verify(p, ledger.digests(3).get(0), ledger.header(3).eH()).isOk()).isTrue();
        }

        @Test
        void signedStatePayloadMatchesSpec() {
            byte[] payload = StateSignatures.payload("defaultdb", 3, ledger.alh(3));
            assertThat(s(payload)).isEqualTo("00000009" + "64656661756c746462" + "0000000000000003"
                    + "98925c9fd87ec90253d952e9f9c718ac9a7e8821b4335b2c9142e5a74d657f38");
        }
    }
}
