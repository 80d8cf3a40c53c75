package io.veridb.arch;

import static org.assertj.core.api.Assertions.assertThat;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The rules are only as good as what they look at: these checks make sure the import holds the main classes of
 * every module, from the module's own jar or classes directory, and no test classes.
 */
class ImportedClassesTest {

    /** Every Maven module with main code on this module's test classpath; its packages are io.veridb.&lt;name&gt;.. */
    static final List<String> MODULES =
            List.of("proofs", "ledger", "kv", "events", "protocol", "server", "client", "bench", "cli");

    @Test
    void importsMainClassesOfEveryModule() {
        JavaClasses classes = MainClasses.get();
        for (String module : MODULES) {
            String pkg = MainClasses.ROOT + "." + module;
            assertThat(classes.stream().filter(c -> c.getPackageName().equals(pkg)
                    || c.getPackageName().startsWith(pkg + ".")).count())
                    .as("classes imported from module %s (package %s)", module, pkg)
                    .isPositive();
        }
    }

    @Test
    void importsNoTestClassesAndNoFixtures() {
        List<String> tests = MainClasses.get().stream()
                .filter(c -> sourceOf(c).contains("/test-classes/")
                        || c.getPackageName().startsWith(MainClasses.ROOT + ".arch"))
                .map(c -> c.getName() + " from " + sourceOf(c))
                .collect(Collectors.toList());
        assertThat(tests).as("test classes in the main import").isEmpty();
    }

    /** Packages by module: io.veridb.kv.. comes from veridb-kv, so a rule about a package is a rule about a module. */
    @Test
    void eachModulesPackagesComeFromThatModuleOnly() {
        List<String> misplaced = MainClasses.get().stream()
                .filter(c -> !MODULES.contains(moduleOf(c)) || !fromModule(c, moduleOf(c)))
                .map(c -> c.getName() + " from " + sourceOf(c))
                .collect(Collectors.toList());
        assertThat(misplaced).as("classes outside io.veridb.<module>.. of their own module").isEmpty();
    }

    private static boolean fromModule(JavaClass c, String module) {
        String source = sourceOf(c);
        return source.contains("/veridb-" + module + "-") || source.contains("/" + module + "/target/classes/");
    }

    private static String moduleOf(JavaClass c) {
        String rest = c.getPackageName().substring(Math.min(c.getPackageName().length(),
                MainClasses.ROOT.length() + 1));
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String sourceOf(JavaClass c) {
        return c.getSource().map(s -> s.getUri().toString()).orElse("<unknown source>");
    }
}
