package io.veridb.arch;

import com.tngtech.archunit.lang.ArchRule;
import org.junit.jupiter.api.Test;

/** STYLE rule 19 over the main classes of every module: banned APIs. */
class BannedApiTest {

    private static final BannedApiRules RULES = new BannedApiRules(new ModuleRules(MainClasses.ROOT));

    private static void check(ArchRule rule) {
        rule.check(MainClasses.get());
    }

    @Test
    void noConsoleOutputOutsideCliAndBench() {
        check(RULES.noConsoleOutputOutsideCliAndBench());
    }

    @Test
    void noDefaultCharset() {
        check(RULES.noDefaultCharset());
    }

    @Test
    void noFileDelete() {
        check(RULES.noFileDelete());
    }

    @Test
    void noJavaSerialization() {
        check(RULES.noJavaSerialization());
    }

    @Test
    void noUnnamedThreads() {
        check(RULES.noUnnamedThreads());
    }
}
