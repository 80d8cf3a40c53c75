package io.veridb.arch;

import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** STYLE rules 1 and 10 over the main classes of every module: the module graph is law. */
class ModuleGraphTest {

    private static final ModuleRules RULES = new ModuleRules(MainClasses.ROOT);

    private static void check(ArchRule rule) {
        rule.check(MainClasses.get());
    }

    @Test
    void proofsUsesOnlyTheJdk() {
        check(RULES.proofsUsesOnlyTheJdk());
    }

    @Test
    void proofsDoesNoIo() {
        check(RULES.proofsDoesNoIo());
    }

    @Test
    void ledgerDependsOnlyOnProofs() {
        check(RULES.ledgerDependsOnlyOnProofs());
    }

    @Test
    void kvDependsOnlyOnLedgerAndProofs() {
        check(RULES.kvDependsOnlyOnLedgerAndProofs());
    }

    @Test
    void eventsDependsOnlyOnLedgerAndProofs() {
        check(RULES.eventsDependsOnlyOnLedgerAndProofs());
    }

    @Test
    void kvDoesNotDependOnEvents() {
        check(RULES.kvDoesNotDependOnEvents());
    }

    @Test
    void eventsDoesNotDependOnKv() {
        check(RULES.eventsDoesNotDependOnKv());
    }

    @Test
    void protocolIsGeneratedCodeOnly() {
        check(RULES.protocolIsGeneratedCodeOnly());
    }

    @Test
    void protocolDependsOnlyOnGrpcAndProtobuf() {
        check(RULES.protocolDependsOnlyOnGrpcAndProtobuf());
    }

    @Test
    void clientDependsOnlyOnProofsProtocolAndGrpc() {
        check(RULES.clientDependsOnlyOnProofsProtocolAndGrpc());
    }

    @Test
    void clientNeverDependsOnServerSideModules() {
        check(RULES.clientNeverDependsOnServerSideModules());
    }

    @Test
    void serverNeverDependsOnClientCliOrBench() {
        check(RULES.serverNeverDependsOnClientCliOrBench());
    }

    @Test
    void nothingDependsOnCli() {
        check(RULES.nothingDependsOnCli());
    }

    @Test
    void benchNeverDependsOnCli() {
        check(RULES.benchNeverDependsOnCli());
    }

    @Test
    void noInternalPackageUsedAcrossModules() {
        check(RULES.noInternalPackageUsedAcrossModules());
    }
}
