package io.veridb.proofs;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/** The proofs module is pure: no files, sockets or threads. */
class ArchitectureTest {

    static final JavaClasses MAIN = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("io.veridb.proofs");

    @Test
    void proofsUseNoIoNetworkOrThreads() {
        noClasses().that().resideInAPackage("io.veridb.proofs..")
                .should().dependOnClassesThat().resideInAnyPackage("java.io..", "java.nio.file..",
                        "java.nio.channels..", "java.net..")
                .orShould().dependOnClassesThat().areAssignableTo(Thread.class)
                .orShould().dependOnClassesThat().resideInAnyPackage("java.util.concurrent..")
                .check(MAIN);
    }

    @Test
    void proofsDependOnTheJdkOnly() {
        noClasses().that().resideInAPackage("io.veridb.proofs..")
                .should().dependOnClassesThat().resideOutsideOfPackages("io.veridb.proofs..", "java..")
                .check(MAIN);
    }
}
