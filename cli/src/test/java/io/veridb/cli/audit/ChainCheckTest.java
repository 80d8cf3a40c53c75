package io.veridb.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.client.DatabaseState;
import io.veridb.proofs.Hashes;
import io.veridb.proofs.KvMetadata;
import io.veridb.proofs.TxHeader;
import io.veridb.proofs.Verification;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ChainCheckTest {

    private final FakeLedger ledger = new FakeLedger("db", "uuid-1");

    private static String message(Verification v) {
        return ((Verification.Failure) v).message();
    }

    @Test
    void acceptsAnHonestChainFromTheGenesisAndCountsValues() {
        ledger.commit("a", "1", "b", "2");
        ledger.commit("c", "3");
        ChainCheck check = new ChainCheck(DatabaseState.empty("db"));
        assertThat(check.accept(ledger.tx("db", 1)).isOk()).isTrue();
        assertThat(check.accept(ledger.tx("db", 2)).isOk()).isTrue();
        assertThat(check.finish(ledger.honestState()).isOk()).isTrue();
        assertThat(check.txs()).isEqualTo(2);
        assertThat(check.values()).isEqualTo(3);
        assertThat(check.valuesUnavailable()).isZero();
    }

    @Test
    void aFlippedValueByteFailsNamingTxEntryAndBothHashes() {
        ledger.commit("a", "1");
        ledger.serveValue(1, new byte[] {0x00, '2'});
        Verification v = new ChainCheck(DatabaseState.empty("db")).accept(ledger.tx("db", 1));
        assertThat(message(v)).startsWith("tx 1: entry 0: SHA-256 of the value: expected=")
                .contains(" calculated=");
    }

    @Test
    void aValueOfTheWrongLengthFails() {
        ledger.commit("a", "1");
        ledger.serveValue(1, new byte[] {0x00, '1', '1'});
        assertThat(message(new ChainCheck(DatabaseState.empty("db")).accept(ledger.tx("db", 1))))
                .isEqualTo("tx 1: entry 0: value length: expected=2 calculated=3");
    }

    @Test
    void aChangedHashValueBreaksTheEntriesTree() {
        ledger.commit("a", "1");
        AuditTx honest = ledger.tx("db", 1);
        AuditEntry e = honest.entries().get(0);
        byte[] other = {0x00, '9'};
        AuditTx forged = new AuditTx(honest.header(), List.of(new AuditEntry(e.key(), e.metadata(),
                Hashes.sha256(other), other.length, Optional.of(other))));
        assertThat(message(new ChainCheck(DatabaseState.empty("db")).accept(forged)))
                .startsWith("tx 1: eH rebuilt from the entries: expected=");
    }

    @Test
    void aMissingEntryIsCaught() {
        ledger.commit("a", "1", "b", "2");
        AuditTx honest = ledger.tx("db", 1);
        AuditTx cut = new AuditTx(honest.header(), honest.entries().subList(0, 1));
        assertThat(message(new ChainCheck(DatabaseState.empty("db")).accept(cut)))
                .isEqualTo("tx 1: number of entries: expected=2 calculated=1");
    }

    @Test
    void aGapOrABrokenLinkIsCaught() {
        ledger.commit("a", "1");
        ledger.commit("b", "2");
        assertThat(message(new ChainCheck(DatabaseState.empty("db")).accept(ledger.tx("db", 2))))
                .isEqualTo("tx id after 0: expected=1 calculated=2");
        DatabaseState wrong = new DatabaseState("db", 1, Hashes.sha256(new byte[] {1}), new byte[0]);
        assertThat(message(new ChainCheck(wrong).accept(ledger.tx("db", 2))))
                .startsWith("tx 2: prevAlh (Alh of tx 1): expected=");
    }

    @Test
    void entriesWithoutValuesAreCountedAndStillRebuildTheTree() {
        ledger.commit("a", "1", "b", "2");
        AuditTx honest = ledger.tx("db", 1);
        List<AuditEntry> partial = new ArrayList<>();
        for (AuditEntry e : honest.entries()) {
            partial.add(new AuditEntry(e.key(), e.metadata(), e.hValue(), e.vLen(), Optional.empty()));
        }
        ChainCheck check = new ChainCheck(DatabaseState.empty("db"));
        assertThat(check.accept(new AuditTx(honest.header(), partial)).isOk()).isTrue();
        assertThat(check.valuesUnavailable()).isEqualTo(2);
        assertThat(check.values()).isZero();
    }

    @Test
    void finishRequiresTheServersCurrentAlh() {
        ledger.commit("a", "1");
        ChainCheck check = new ChainCheck(DatabaseState.empty("db"));
        check.accept(ledger.tx("db", 1));
        DatabaseState lie = new DatabaseState("db", 1, Hashes.sha256(new byte[] {7}), new byte[0]);
        assertThat(message(check.finish(lie))).startsWith("Alh of tx 1 vs the server's current state: expected=");
        assertThat(message(check.finish(DatabaseState.empty("db"))))
                .isEqualTo("last audited tx: expected=0 calculated=1");
    }

    @Test
    void headerVersionZeroRejectsEntryMetadata() {
        TxHeader h = ledger.commit("a", "1");
        AuditEntry e = ledger.tx("db", 1).entries().get(0);
        TxHeader v0 = new TxHeader(1, h.prevAlh(), h.ts(), 0, h.metadata(), 1, h.eH(), 0, h.blRoot());
        AuditEntry withMd = new AuditEntry(e.key(), new KvMetadata(true, java.util.OptionalLong.empty(), false),
                e.hValue(), e.vLen(), e.value());
        assertThat(message(new ChainCheck(DatabaseState.empty("db")).accept(new AuditTx(v0, List.of(withMd)))))
                .startsWith("tx 1: entry 0 digest: expected=a valid entry calculated=header version 0 allows no");
    }
}
