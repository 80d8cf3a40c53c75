package io.veridb.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.EvaluationResult;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every rule, built over the fixture root instead of {@code io.veridb}, flags exactly the fixture classes that
 * break it and none of the compliant ones. The fixtures are test classes, so they are imported here on purpose
 * without {@code DoNotIncludeTests}. The rules are checked unfrozen: a frozen rule would compare against (and
 * rewrite) the real store.
 */
class RulesCatchViolationsTest {

    private static final String ROOT = "io.veridb.arch.fixtures";
    private static final JavaClasses FIXTURES = new ClassFileImporter().importPackages(ROOT);
    private static final ModuleRules MODULES = new ModuleRules(ROOT);
    private static final BannedApiRules BANNED = new BannedApiRules(MODULES);

    @Test
    void fixturesAreImported() {
        assertThat(topLevelFixtures()).hasSizeGreaterThan(20).contains(ROOT + ".server.banned.UnnamedThreads");
    }

    @Test
    void proofsRulesCatchHigherModulesAndIo() {
        assertFlags(MODULES.proofsUsesOnlyTheJdk(), "proofs.ProofsUsesTheLedger");
        assertFlags(MODULES.proofsDoesNoIo(), "proofs.ProofsReadsAFile");
    }

    @Test
    void ledgerRuleCatchesADataModel() {
        assertFlags(MODULES.ledgerDependsOnlyOnProofs(), "ledger.LedgerReachesUp");
    }

    @Test
    void dataModelRulesCatchEachOther() {
        assertFlags(MODULES.kvDependsOnlyOnLedgerAndProofs(), "kv.KvUsesEvents");
        assertFlags(MODULES.eventsDependsOnlyOnLedgerAndProofs(), "events.EventsUsesKv");
        assertFlags(MODULES.kvDoesNotDependOnEvents(), "kv.KvUsesEvents");
        assertFlags(MODULES.eventsDoesNotDependOnKv(), "events.EventsUsesKv");
    }

    @Test
    void protocolRulesCatchHandWrittenCode() {
        assertFlags(MODULES.protocolIsGeneratedCodeOnly(), "protocol.HandWrittenHelper");
        assertFlags(MODULES.protocolDependsOnlyOnGrpcAndProtobuf(), "protocol.HandWrittenHelper");
    }

    @Test
    void clientRulesCatchServerSideStorage() {
        assertFlags(MODULES.clientDependsOnlyOnProofsProtocolAndGrpc(), "client.ClientUsesLedger");
        assertFlags(MODULES.clientNeverDependsOnServerSideModules(), "client.ClientUsesLedger");
    }

    @Test
    void serverRuleCatchesTheClient() {
        assertFlags(MODULES.serverNeverDependsOnClientCliOrBench(), "server.ServerUsesClient");
    }

    @Test
    void cliRulesCatchBench() {
        assertFlags(MODULES.nothingDependsOnCli(), "bench.BenchUsesCli");
        assertFlags(MODULES.benchNeverDependsOnCli(), "bench.BenchUsesCli");
    }

    @Test
    void internalRuleCatchesOnlyOtherModules() {
        assertFlags(MODULES.noInternalPackageUsedAcrossModules(), "kv.KvUsesLedgerInternal");
    }

    @Test
    void consoleRuleSparesCliAndBench() {
        List<String> details = assertFlags(BANNED.noConsoleOutputOutsideCliAndBench(), "server.banned.ConsoleOutput");
        assertTargets(details, "java.lang.System.out", "java.lang.System.err",
                "java.io.IOException.printStackTrace()");
    }

    @Test
    void charsetRuleCatchesEveryDefaultCharsetApi() {
        List<String> details = assertFlags(BANNED.noDefaultCharset(), "server.banned.DefaultCharsets");
        assertTargets(details,
                "calls method <java.lang.String.getBytes()>",
                "references method <java.lang.String.getBytes()>",
                "<java.lang.String.<init>([B)>",
                "<java.lang.String.<init>([B, int, int)>",
                "<java.io.InputStreamReader.<init>(java.io.InputStream)>",
                "<java.io.OutputStreamWriter.<init>(java.io.OutputStream)>",
                "<java.io.FileReader.<init>(java.lang.String)>",
                "<java.io.FileReader.<init>(java.io.File)>",
                "<java.io.FileReader.<init>(java.io.FileDescriptor)>",
                "<java.io.FileWriter.<init>(java.lang.String)>",
                "<java.io.FileWriter.<init>(java.lang.String, boolean)>",
                "<java.io.FileWriter.<init>(java.io.File)>",
                "<java.io.FileWriter.<init>(java.io.File, boolean)>",
                "<java.io.FileWriter.<init>(java.io.FileDescriptor)>",
                "<java.io.PrintStream.<init>(java.io.OutputStream)>",
                "<java.io.PrintStream.<init>(java.io.OutputStream, boolean)>",
                "<java.io.PrintStream.<init>(java.lang.String)>",
                "<java.io.PrintStream.<init>(java.io.File)>",
                "<java.io.PrintWriter.<init>(java.io.OutputStream)>",
                "<java.io.PrintWriter.<init>(java.io.OutputStream, boolean)>",
                "<java.io.PrintWriter.<init>(java.lang.String)>",
                "<java.io.PrintWriter.<init>(java.io.File)>",
                "<java.util.Scanner.<init>(java.io.InputStream)>",
                "<java.util.Scanner.<init>(java.io.File)>",
                "<java.util.Scanner.<init>(java.nio.file.Path)>",
                "<java.io.ByteArrayOutputStream.toString()>",
                "<java.nio.charset.Charset.defaultCharset()>");
        assertThat(details).as("one violation per planted call").hasSize(27);
    }

    @Test
    void fileDeleteRuleCatchesFileDelete() {
        List<String> details = assertFlags(BANNED.noFileDelete(), "server.banned.FileDeletion");
        assertThat(details).hasSize(1).allMatch(d -> d.contains("<java.io.File.delete()>"));
    }

    @Test
    void serializationRuleCatchesBothStreams() {
        List<String> details = assertFlags(BANNED.noJavaSerialization(), "server.banned.JavaSerialization");
        assertTargets(details, "java.io.ObjectOutputStream", "java.io.ObjectInputStream");
    }

    @Test
    void threadRuleCatchesEveryUnnamedThread() {
        List<String> details = assertFlags(BANNED.noUnnamedThreads(), "server.banned.UnnamedThreads");
        assertTargets(details,
                "calls constructor <java.lang.Thread.<init>()>",
                "calls constructor <java.lang.Thread.<init>(java.lang.Runnable)>",
                "references constructor <java.lang.Thread.<init>(java.lang.Runnable)>",
                "<java.lang.Thread.<init>(java.lang.ThreadGroup, java.lang.Runnable)>",
                "<java.util.Timer.<init>()>",
                "<java.util.Timer.<init>(boolean)>",
                "<java.util.concurrent.Executors.newFixedThreadPool(int)>",
                "<java.util.concurrent.Executors.newCachedThreadPool()>",
                "<java.util.concurrent.Executors.newSingleThreadExecutor()>",
                "<java.util.concurrent.Executors.newScheduledThreadPool(int)>",
                "<java.util.concurrent.Executors.newSingleThreadScheduledExecutor()>",
                "<java.util.concurrent.Executors.newWorkStealingPool()>",
                "<java.util.concurrent.Executors.newWorkStealingPool(int)>",
                "<java.util.concurrent.Executors.defaultThreadFactory()>",
                "<java.util.concurrent.ThreadPoolExecutor.<init>(int, int, long, java.util.concurrent.TimeUnit, "
                        + "java.util.concurrent.BlockingQueue)>",
                "<java.util.concurrent.ThreadPoolExecutor.<init>(int, int, long, java.util.concurrent.TimeUnit, "
                        + "java.util.concurrent.BlockingQueue, java.util.concurrent.RejectedExecutionHandler)>",
                "<java.util.concurrent.ScheduledThreadPoolExecutor.<init>(int)>",
                "<java.util.concurrent.ScheduledThreadPoolExecutor.<init>(int, "
                        + "java.util.concurrent.RejectedExecutionHandler)>",
                "<java.util.concurrent.ForkJoinPool.<init>()>",
                "<java.util.concurrent.ForkJoinPool.<init>(int)>",
                "UnnamedThreads$Worker.<init>()> calls constructor <java.lang.Thread.<init>()>");
        assertThat(details).as("one violation per planted call").hasSize(21);
    }

    /**
     * Evaluates the rule on all fixtures and asserts the set of top-level classes it reports is exactly the
     * expected one (names relative to the fixture root). Returns the violation lines.
     */
    private static List<String> assertFlags(ArchRule rule, String... expected) {
        EvaluationResult result = rule.evaluate(FIXTURES);
        List<String> details = result.getFailureReport().getDetails();
        Set<String> flagged = details.stream().map(RulesCatchViolationsTest::originClass)
                .collect(Collectors.toCollection(TreeSet::new));
        Set<String> want = new TreeSet<>();
        for (String e : expected) {
            want.add(ROOT + "." + e);
        }
        assertThat(flagged).as("classes flagged by '%s'; violations:%n%s", rule.getDescription(),
                String.join("\n", details)).isEqualTo(want);
        return details;
    }

    private static void assertTargets(List<String> details, String... targets) {
        for (String t : targets) {
            assertThat(details).as("violations mentioning %s", t).anyMatch(d -> d.contains(t));
        }
    }

    /** The top-level fixture class a violation line starts from: the first {@code <...>} names the origin. */
    private static String originClass(String detail) {
        int open = detail.indexOf('<');
        String origin = open < 0 ? detail : detail.substring(open + 1, detail.indexOf('>', open));
        return topLevelFixtures().stream()
                .filter(c -> origin.equals(c) || origin.startsWith(c + ".") || origin.startsWith(c + "$"))
                .max(Comparator.comparingInt(String::length))
                .orElse("<no fixture class> " + detail);
    }

    private static List<String> topLevelFixtures() {
        return FIXTURES.stream().filter(JavaClass::isTopLevelClass).map(JavaClass::getName)
                .collect(Collectors.toList());
    }
}
