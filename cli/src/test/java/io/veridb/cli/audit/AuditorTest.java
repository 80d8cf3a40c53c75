package io.veridb.cli.audit;

import static org.assertj.core.api.Assertions.assertThat;

import io.veridb.client.DatabaseState;
import io.veridb.client.MemoryStateStore;
import io.veridb.proofs.Hashes;
import org.junit.jupiter.api.Test;

class AuditorTest {

    private final FakeLedger ledger = new FakeLedger("db", "uuid-1");
    private final MemoryStateStore audited = new MemoryStateStore();

    @Test
    void firstAuditRederivesTheWholeHistoryAndRecordsTheState() {
        ledger.commit("a", "1");
        ledger.commit("b", "2", "c", "3");
        AuditResult r = new Auditor(ledger, audited, true, false).audit("db");
        assertThat(r.ok()).isTrue();
        assertThat(r.firstAudit()).isTrue();
        assertThat(r.fromTx()).isZero();
        assertThat(r.toTx()).isEqualTo(2);
        assertThat(r.txs()).isEqualTo(2);
        assertThat(r.values()).isEqualTo(3);
        assertThat(audited.load("uuid-1", "db")).contains(ledger.honestState());
        assertThat(ledger.proofs).isZero();
    }

    @Test
    void laterAuditsProveConsistencyAndRederiveOnlyNewTransactions() {
        ledger.commit("a", "1");
        Auditor auditor = new Auditor(ledger, audited, true, false);
        auditor.audit("db");
        ledger.commit("b", "2");
        ledger.commit("c", "3");
        ledger.txReads = 0;
        AuditResult r = auditor.audit("db");
        assertThat(r.ok()).isTrue();
        assertThat(r.firstAudit()).isFalse();
        assertThat(r.fromTx()).isEqualTo(1);
        assertThat(r.toTx()).isEqualTo(3);
        assertThat(r.txs()).isEqualTo(2);
        assertThat(ledger.txReads).isEqualTo(2);
        assertThat(ledger.proofs).isEqualTo(1);
        assertThat(audited.load("uuid-1", "db")).contains(ledger.honestState());
    }

    @Test
    void noNewTransactionsIsOkWithoutProofOrReads() {
        ledger.commit("a", "1");
        Auditor auditor = new Auditor(ledger, audited, true, false);
        auditor.audit("db");
        ledger.txReads = 0;
        AuditResult r = auditor.audit("db");
        assertThat(r.ok()).isTrue();
        assertThat(r.txs()).isZero();
        assertThat(ledger.txReads).isZero();
        assertThat(ledger.proofs).isZero();
    }

    @Test
    void aTamperedValueFailsAndTheAuditedStateStaysBehind() {
        ledger.commit("a", "1");
        Auditor auditor = new Auditor(ledger, audited, true, false);
        auditor.audit("db");
        ledger.commit("b", "2");
        ledger.serveValue(2, new byte[] {0x00, '3'});
        AuditResult r = auditor.audit("db");
        assertThat(r.ok()).isFalse();
        assertThat(r.failure().orElseThrow()).startsWith("tx 2: entry 0: SHA-256 of the value: expected=");
        assertThat(audited.load("uuid-1", "db").orElseThrow().txId()).isEqualTo(1);
        assertThat(auditor.audit("db").ok()).as("reported again next round").isFalse();
    }

    @Test
    void withoutValuesTheFirstAuditTrustsTheCurrentStateAndLaterOnesOnlyProve() {
        ledger.commit("a", "1");
        Auditor auditor = new Auditor(ledger, audited, false, false);
        AuditResult first = auditor.audit("db");
        assertThat(first.ok()).isTrue();
        assertThat(first.txs()).isZero();
        ledger.commit("b", "2");
        ledger.serveValue(2, new byte[] {0x00, '3'});
        AuditResult second = auditor.audit("db");
        assertThat(second.ok()).as("values are not looked at").isTrue();
        assertThat(ledger.txReads).isZero();
        assertThat(ledger.proofs).isEqualTo(1);
    }

    @Test
    void aRewrittenHistoryFailsTheDualProof() {
        FakeLedger original = new FakeLedger("db", "uuid-1");
        original.commit("a", "1");
        original.commit("b", "2");
        new Auditor(original, audited, false, false).audit("db");
        FakeLedger rewritten = new FakeLedger("db", "uuid-1");
        rewritten.commit("a", "1");
        rewritten.commit("b", "CHANGED");
        rewritten.commit("c", "3");
        AuditResult r = new Auditor(rewritten, audited, false, false).audit("db");
        assertThat(r.ok()).isFalse();
        assertThat(r.failure().orElseThrow()).startsWith("dual proof 2 -> 3: ");
    }

    @Test
    void aStateThatWentBackOrChangedItsAlhFails() {
        ledger.commit("a", "1");
        ledger.commit("b", "2");
        Auditor auditor = new Auditor(ledger, audited, true, false);
        auditor.audit("db");
        ledger.claim(new DatabaseState("db", 1, ledger.header(1).alh(), new byte[0]));
        assertThat(auditor.audit("db").failure().orElseThrow())
                .isEqualTo("state went back: audited tx 2, server now reports tx 1");
        ledger.claim(new DatabaseState("db", 2, Hashes.sha256(new byte[] {1}), new byte[0]));
        assertThat(auditor.audit("db").failure().orElseThrow()).startsWith("Alh of audited tx 2: expected=");
    }

    @Test
    void aForgedCurrentAlhFailsTheValueChainEvenOnTheFirstAudit() {
        ledger.commit("a", "1");
        ledger.claim(new DatabaseState("db", 1, Hashes.sha256(new byte[] {9}), new byte[0]));
        AuditResult r = new Auditor(ledger, audited, true, false).audit("db");
        assertThat(r.failure().orElseThrow()).startsWith("Alh of tx 1 vs the server's current state");
        assertThat(audited.load("uuid-1", "db")).isEmpty();
    }

    @Test
    void onlyAFullAuditCatchesAValueDamagedBeforeTheLastAudit() {
        ledger.commit("a", "1");
        ledger.commit("b", "2");
        new Auditor(ledger, audited, true, false).audit("db");
        ledger.serveValue(1, new byte[] {0x00, '9'});
        assertThat(new Auditor(ledger, audited, true, false).audit("db").ok()).isTrue();
        AuditResult full = new Auditor(ledger, audited, false, true).audit("db");
        assertThat(full.ok()).isFalse();
        assertThat(full.failure().orElseThrow()).startsWith("tx 1: entry 0: SHA-256 of the value");
    }

    @Test
    void aFullAuditRederivesEverythingEvenWithoutNewTransactions() {
        ledger.commit("a", "1");
        ledger.commit("b", "2");
        Auditor full = new Auditor(ledger, audited, false, true);
        full.audit("db");
        AuditResult again = full.audit("db");
        assertThat(again.ok()).isTrue();
        assertThat(again.txs()).isEqualTo(2);
        assertThat(ledger.proofs).isZero();
    }

    @Test
    void statesAreKeptPerServerUuid() {
        ledger.commit("a", "1");
        new Auditor(ledger, audited, true, false).audit("db");
        FakeLedger other = new FakeLedger("db", "uuid-2");
        other.commit("x", "9");
        AuditResult r = new Auditor(other, audited, true, false).audit("db");
        assertThat(r.firstAudit()).isTrue();
        assertThat(r.ok()).isTrue();
    }
}
