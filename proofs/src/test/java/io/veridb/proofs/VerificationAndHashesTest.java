package io.veridb.proofs;

import static io.veridb.proofs.Hex.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;

class VerificationAndHashesTest {

    @Test
    void failureNamesCheckExpectedAndCalculatedAndStopsTheChain() {
        AtomicBoolean evaluated = new AtomicBoolean();
        Verification v = Verification.failure("root", b("aa"), b("bb"))
                .and(() -> {
                    evaluated.set(true);
                    return Verification.ok();
                })
                .within("dual proof (1 -> 2)");
        assertThat(evaluated).isFalse();
        assertThat(v.isOk()).isFalse();
        assertThat(((Verification.Failure) v).message()).isEqualTo("dual proof (1 -> 2): root: expected=aa calculated=bb");
        assertThat(v.toString()).contains("expected=aa calculated=bb");
    }

    @Test
    void okChainsToTheNextCheckAndIgnoresContext() {
        assertThat(Verification.ok().and(() -> Verification.failure("x", 1, 2)).isOk()).isFalse();
        assertThat(Verification.ok().within("ctx")).isEqualTo(Verification.ok());
        assertThat(Verification.equalHashes("h", b("01"), b("01"))).isEqualTo(Verification.ok());
    }

    @Test
    void leafAndNodeUseDistinctPrefixes() {
        byte[] l = Hashes.sha256(b("01"));
        byte[] r = Hashes.sha256(b("02"));
        assertThat(Hashes.leaf(l)).isEqualTo(Hashes.sha256(b("00"), l));
        assertThat(Hashes.node(l, r)).isEqualTo(Hashes.sha256(b("01"), l, r));
        assertThat(Hashes.sha256(b("0102"), b("03"))).isEqualTo(Hashes.sha256(b("010203")));
        assertThatThrownBy(() -> Hashes.node(b("01"), r)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("left has 1 bytes, want 32");
    }

    @Test
    void constantCopiesAreFresh() {
        byte[] e = Hashes.empty();
        e[0] ^= 1;
        assertThat(Hashes.empty()).isEqualTo(Hashes.EMPTY);
        assertThat(Hashes.zero()).isEqualTo(Hashes.ZERO).isNotSameAs(Hashes.zero());
    }
}
