package io.veridb.client;

import static io.veridb.client.FakeChain.bs;
import static io.veridb.client.FakeChain.utf8;
import static io.veridb.client.KvVerifierTest.catchVerification;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.veridb.client.EntriesSpec.Action;
import io.veridb.client.FakeChain.Stored;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import io.veridb.protocol.immudb.EntryTypeAction;
import io.veridb.protocol.immudb.Tx;
import io.veridb.protocol.immudb.TxEntry;
import io.veridb.protocol.immudb.VerifiableTx;
import java.util.List;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@link KvVerifier#verifyTx} of reads with an {@link EntriesSpec}: values, partial specs, left-out entries. */
class VerifiedTxEntriesTest {

    private static final EntriesSpec ONLY_ZSET_VALUES = new EntriesSpec(Action.EXCLUDE, Action.RAW_VALUE,
            Action.EXCLUDE);

    private FakeChain chain;
    private Stored member;
    private TxHeader mixed;
    private final AtomicInteger digestReads = new AtomicInteger();

    @BeforeEach
    void chainWithAMixedTransaction() {
        chain = new FakeChain("defaultdb", 1);
        for (int i = 1; i <= 3; i++) {
            chain.commit(Stored.plain("k" + i, "v" + i), Stored.plain("other" + i, "x"));
        }
        member = new Stored(Keys.zsetKey(utf8("set"), 1.5, utf8("k1"), 0), KvMetadata.NONE, new byte[0]);
        mixed = chain.commit(Stored.plain("a", "1"), member);
    }

    /** Tx {@code id} as the server sends it for {@code spec}: kinds kept per spec, values for RAW_VALUE. */
    private Tx shaped(long id, EntriesSpec spec) {
        Tx all = chain.protoTx(id);
        Tx.Builder b = all.toBuilder().clearEntries();
        List<Stored> stored = chain.entries(id);
        for (int i = 0; i < stored.size(); i++) {
            Action a = spec.actionFor(stored.get(i).key());
            if (a == Action.ONLY_DIGEST) {
                b.addEntries(all.getEntries(i));
            } else if (a == Action.RAW_VALUE) {
                b.addEntries(all.getEntries(i).toBuilder().setValue(bs(stored.get(i).value())));
            }
        }
        return b.build();
    }

    private VerifiableTx answer(long id, long proveSince, Tx tx) {
        return chain.verifiableRead(id, proveSince).toBuilder().setTx(tx).build();
    }

    private Supplier<Tx> digests(long id) {
        return () -> {
            digestReads.incrementAndGet();
            return chain.protoTx(id);
        };
    }

    private KvVerifier.Verified<TxRecord> verify(VerifiableTx answer, long id, EntriesSpec spec) {
        return KvVerifier.verifyTx(chain.trusted(1), answer, id, spec, digests(id), null);
    }

    @Test
    void rawValuesAreReturnedAndEachHashesToItsHValue() {
        KvVerifier.Verified<TxRecord> v = verify(answer(2, 1, shaped(2, EntriesSpec.RAW_VALUES)), 2,
                EntriesSpec.RAW_VALUES);
        assertThat(v.value().entries()).extracting(e -> e.value().orElseThrow())
                .containsExactly(Keys.plainValue(utf8("v2")), Keys.plainValue(utf8("x")));
        assertThat(v.state()).isEqualTo(chain.trusted(2));
        assertThat(digestReads).hasValue(0);
    }

    @Test
    void aTamperedValueIsRejectedByItsHash() {
        Tx honest = shaped(2, EntriesSpec.RAW_VALUES);
        Tx tampered = honest.toBuilder().setEntries(0, honest.getEntries(0).toBuilder()
                .setValue(bs(Keys.plainValue(utf8("v9"))))).build();
        VerificationException e = catchVerification(() -> verify(answer(2, 1, tampered), 2, EntriesSpec.RAW_VALUES));
        assertThat(e.check()).isEqualTo("verifiedTxById: SHA-256 of the value of entry "
                + Bytes.hex(Keys.plainKey(utf8("k2"))) + " of tx 2");
        assertThat(e.expected()).isEqualTo(Bytes.hex(Hashes.sha256(Keys.plainValue(utf8("v2")))));

        Tx truncated = honest.toBuilder().setEntries(1, honest.getEntries(1).toBuilder()
                .setValue(bs(new byte[] {0}))).build();
        VerificationException shortValue = catchVerification(
                () -> verify(answer(2, 1, truncated), 2, EntriesSpec.RAW_VALUES));
        assertThat(shortValue.check()).startsWith("verifiedTxById: length of the value of entry ");
        assertThat(shortValue.expected()).isEqualTo("2");
        assertThat(shortValue.calculated()).isEqualTo("1");
    }

    @Test
    void aPartialSpecRebuildsEHFromAReadWithoutSpec() {
        KvVerifier.Verified<TxRecord> v = verify(answer(mixed.id(), 1, shaped(mixed.id(), ONLY_ZSET_VALUES)),
                mixed.id(), ONLY_ZSET_VALUES);
        assertThat(v.value().entries()).hasSize(1);
        TxEntryRecord got = v.value().entries().get(0);
        assertThat(got.key()).isEqualTo(member.key());
        assertThat(got.value()).hasValueSatisfying(b -> assertThat(b).isEmpty());
        assertThat(digestReads).hasValue(1);
        assertThat(v.state()).isEqualTo(chain.trusted(mixed.id()));
    }

    @Test
    void anEntryOfAKeptKindThatIsLeftOutIsRejected() {
        VerifiableTx none = answer(mixed.id(), 1, shaped(mixed.id(), EntriesSpec.RAW_VALUES).toBuilder()
                .removeEntries(1).build());
        VerificationException e = catchVerification(() -> verify(none, mixed.id(), EntriesSpec.RAW_VALUES));
        assertThat(e.check()).isEqualTo("verifiedTxById: entry " + Bytes.hex(member.key()) + " of tx 4");
        assertThat(e.expected()).isEqualTo("returned (RAW_VALUE)");
        assertThat(e.calculated()).isEqualTo("missing");
    }

    @Test
    void anEntryOfAnExcludedKindThatIsReturnedIsRejected() {
        VerifiableTx both = answer(mixed.id(), 1, shaped(mixed.id(), EntriesSpec.RAW_VALUES));
        VerificationException e = catchVerification(() -> verify(both, mixed.id(), ONLY_ZSET_VALUES));
        assertThat(e.check()).isEqualTo("verifiedTxById: entry " + Bytes.hex(Keys.plainKey(utf8("a")))
                + " of tx 4");
        assertThat(e.expected()).isEqualTo("left out (EXCLUDE)");
    }

    @Test
    void aReturnedEntryThatIsNotInTheTxIsRejected() {
        TxEntry bogus = chain.protoTx(mixed.id()).getEntries(1).toBuilder()
                .setHValue(bs(Hashes.sha256(utf8("y")))).build();
        VerifiableTx forged = answer(mixed.id(), 1, shaped(mixed.id(), ONLY_ZSET_VALUES).toBuilder()
                .setEntries(0, bogus).build());
        VerificationException e = catchVerification(() -> verify(forged, mixed.id(), ONLY_ZSET_VALUES));
        assertThat(e.calculated()).isEqualTo("missing, got entry " + Bytes.hex(member.key()));
    }

    @Test
    void aReadWithoutSpecThatDisagreesWithTheProvenHeaderIsRejected() {
        Supplier<Tx> lying = () -> chain.protoTx(mixed.id()).toBuilder().setEntries(0, chain.protoTx(mixed.id())
                .getEntries(0).toBuilder().setHValue(bs(Hashes.sha256(utf8("z"))))).build();
        VerificationException e = catchVerification(() -> KvVerifier.verifyTx(chain.trusted(1),
                answer(mixed.id(), 1, shaped(mixed.id(), ONLY_ZSET_VALUES)), mixed.id(), ONLY_ZSET_VALUES, lying,
                null));
        assertThat(e.check()).isEqualTo("verifiedTxById: eH rebuilt from raw entries of tx 4");
    }

    @Test
    void anExpiringEntryMayBeLeftOutOfRawValues() {
        Stored expiring = new Stored(Keys.plainKey(utf8("tmp")), new KvMetadata(false, OptionalLong.of(10), false),
                Keys.plainValue(utf8("gone")));
        TxHeader h = chain.commit(Stored.plain("b", "2"), expiring);
        VerifiableTx answer = answer(h.id(), 1, shaped(h.id(), EntriesSpec.RAW_VALUES).toBuilder()
                .removeEntries(1).build());
        KvVerifier.Verified<TxRecord> v = verify(answer, h.id(), EntriesSpec.RAW_VALUES);
        assertThat(v.value().entries()).extracting(e -> e.value().orElseThrow())
                .containsExactly(Keys.plainValue(utf8("2")));
        assertThat(digestReads).hasValue(1);
    }

    @Test
    void resolveCannotBeVerified() {
        EntriesSpec resolve = new EntriesSpec(Action.RESOLVE, Action.ONLY_DIGEST, Action.EXCLUDE);
        assertThatThrownBy(() -> verify(answer(2, 1, chain.protoTx(2)), 2, resolve))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("cannot prove RESOLVE entries");
    }

    @Test
    void specsMapToTheWireActionsAndDigestsIsSentAsNoSpec() {
        assertThat(Protos.entriesSpec(EntriesSpec.DIGESTS)).isNull();
        io.veridb.protocol.immudb.EntriesSpec wire = Protos.entriesSpec(new EntriesSpec(Action.EXCLUDE,
                Action.RESOLVE, Action.RAW_VALUE));
        assertThat(wire.getKvEntriesSpec().getAction()).isEqualTo(EntryTypeAction.EXCLUDE);
        assertThat(wire.getZEntriesSpec().getAction()).isEqualTo(EntryTypeAction.RESOLVE);
        assertThat(wire.getSqlEntriesSpec().getAction()).isEqualTo(EntryTypeAction.RAW_VALUE);
        assertThat(Protos.entriesSpec(EntriesSpec.RAW_VALUES).getKvEntriesSpec().getAction())
                .isEqualTo(EntryTypeAction.RAW_VALUE);
    }

    @Test
    void valuesAreAttachedOnlyToKindsReadWithRawValue() {
        Tx tx = shaped(mixed.id(), EntriesSpec.RAW_VALUES);
        TxRecord record = Protos.tx(tx, new EntriesSpec(Action.ONLY_DIGEST, Action.RAW_VALUE, Action.EXCLUDE));
        assertThat(record.entries().get(0).value()).isEmpty();
        assertThat(record.entries().get(1).value()).isPresent();
        assertThat(Protos.tx(tx).entries()).allSatisfy(e -> assertThat(e.value()).isEmpty());
    }
}
