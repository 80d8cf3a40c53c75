package io.veridb.client;

import static io.veridb.client.FakeChain.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.client.FakeChain.Stored;
import io.veridb.proofs.EntryDigest;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import org.junit.jupiter.api.Test;

/** Golden vectors of protocol spec §3.1 and §3.11. */
class KeysTest {

    @Test
    void referenceValueMatchesSpecExample() {
        assertThat(Bytes.hex(Keys.referenceValue(utf8("k1"), 0))).isEqualTo("010000000000000000006b31");
    }

    @Test
    void zsetKeyAndDigestMatchSpecExample() {
        byte[] key = Keys.zsetKey(utf8("myset"), 1.5, utf8("k1"), 0);
        assertThat(Bytes.hex(key)).isEqualTo("01" + "0000000000000005" + "6d79736574" + "3ff8000000000000"
                + "0000000000000003" + "006b31" + "0000000000000000");
        assertThat(Bytes.hex(EntryDigest.of(1, key, KvMetadata.NONE, Hashes.sha256())))
                .isEqualTo("4c8e135094a38de564c2f6b94314856e94cf4d0df3c16e865e142f0f39487a27");
    }

    @Test
    void fakeChainReproducesTheSpecChain() {
        FakeChain chain = new FakeChain("defaultdb", 1);
        chain.commit(Stored.plain("k1", "v1"));
        chain.commit(Stored.plain("k2", "v2"));
        chain.commit(Stored.plain("k3", "v3"));
        assertThat(Bytes.hex(chain.header(1).alh()))
                .isEqualTo("8028aecd9cb1e2c724aca9baf58cea93d54cd06e518ac1fa108e9a9b7436dbd5");
        assertThat(Bytes.hex(chain.header(3).alh()))
                .isEqualTo("98925c9fd87ec90253d952e9f9c718ac9a7e8821b4335b2c9142e5a74d657f38");
        assertThat(Bytes.hex(Keys.plainKey(utf8("k1")))).isEqualTo("006b31");
    }
}
