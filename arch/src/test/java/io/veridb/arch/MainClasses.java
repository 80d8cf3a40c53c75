package io.veridb.arch;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

/**
 * The main (non-test) classes of every VeriDB module, imported once per JVM and shared by all rule tests.
 *
 * <p>The classes come from the module jars (or, in a reactor build, their {@code target/classes}) on this module's
 * test classpath, which holds every module through {@code veridb-cli}. Test classes, including this module's own
 * fixtures, are left out by {@link ImportOption.DoNotIncludeTests}. {@link ImportedClassesTest} checks both.
 */
final class MainClasses {

    /** Root package of all VeriDB code; the first segment below it names the module. */
    static final String ROOT = "io.veridb";

    private MainClasses() {}

    static JavaClasses get() {
        return Holder.CLASSES;
    }

    private static final class Holder {
        static final JavaClasses CLASSES = new ClassFileImporter()
                .withImportOption(new ImportOption.DoNotIncludeTests())
                .importPackages(ROOT);
    }
}
