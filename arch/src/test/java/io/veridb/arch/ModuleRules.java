package io.veridb.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaModifier;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The module graph of STYLE rules 1 and 10 as ArchUnit rules, over packages: module {@code m} owns
 * {@code <root>.m..}. The root is {@code io.veridb} for the real code and a fixture package in
 * {@link RulesCatchViolationsTest}, which proves every rule here fails on a planted violation.
 *
 * <p>Rule descriptions are the keys of the freeze store (archunit_store): change one and its frozen
 * violations are forgotten.
 */
final class ModuleRules {

    /** Third-party packages each module may use, beyond the JDK and the VeriDB modules named in each rule. */
    private static final String[] JDK = {"java..", "javax.crypto.."};
    private static final String ROCKSDB = "org.rocksdb..";
    private static final String SLF4J = "org.slf4j..";
    private static final String[] GRPC_PROTOBUF = {"io.grpc..", "com.google.protobuf..", "com.google.rpc.."};

    private final String root;

    ModuleRules(String root) {
        this.root = root;
    }

    /** {@code <root>.module..}: the package pattern of every class of one module. */
    String module(String name) {
        return root + "." + name + "..";
    }

    ArchRule proofsUsesOnlyTheJdk() {
        return classes().that().resideInAPackage(module("proofs"))
                .should().onlyDependOnClassesThat().resideInAnyPackage(plus(JDK, module("proofs")))
                .as("proofs (" + module("proofs") + ") depends on the JDK only")
                .because("STYLE rule 1: proofs is what a client trusts");
    }

    ArchRule proofsDoesNoIo() {
        return noClasses().that().resideInAPackage(module("proofs"))
                .should().dependOnClassesThat()
                .resideInAnyPackage("java.io..", "java.nio.file..", "java.nio.channels..", "java.net..")
                .as("proofs (" + module("proofs") + ") uses no java.io, java.nio.file, java.nio.channels or java.net")
                .because("STYLE rule 2: pure core, I/O at the edges");
    }

    ArchRule ledgerDependsOnlyOnProofs() {
        return classes().that().resideInAPackage(module("ledger"))
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus(JDK, module("ledger"), module("proofs"), ROCKSDB, SLF4J))
                .as("ledger (" + module("ledger") + ") depends only on proofs, RocksDB, SLF4J and the JDK")
                .because("STYLE rule 1: lower modules never import higher ones");
    }

    ArchRule kvDependsOnlyOnLedgerAndProofs() {
        return dataModelDependsOnlyOnLedgerAndProofs("kv");
    }

    ArchRule eventsDependsOnlyOnLedgerAndProofs() {
        return dataModelDependsOnlyOnLedgerAndProofs("events");
    }

    ArchRule kvDoesNotDependOnEvents() {
        return dataModelDoesNotDependOn("kv", "events");
    }

    ArchRule eventsDoesNotDependOnKv() {
        return dataModelDoesNotDependOn("events", "kv");
    }

    ArchRule protocolIsGeneratedCodeOnly() {
        return classes().that().resideInAPackage(module("protocol"))
                .should(beGeneratedByProtocOrGrpc())
                .as("protocol (" + module("protocol") + ") holds only protoc/gRPC generated classes")
                .because("the protos are written from the spec; hand-written code belongs in server or client");
    }

    ArchRule protocolDependsOnlyOnGrpcAndProtobuf() {
        return classes().that().resideInAPackage(module("protocol"))
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus(plus(JDK, module("protocol"), "com.google.common..", "javax.annotation.."),
                        GRPC_PROTOBUF))
                .as("protocol (" + module("protocol") + ") depends only on gRPC, protobuf and the JDK")
                .because("STYLE rule 1: protocol sits below server and client");
    }

    ArchRule clientDependsOnlyOnProofsProtocolAndGrpc() {
        return classes().that().resideInAPackage(module("client"))
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus(plus(JDK, module("client"), module("proofs"), module("protocol"), SLF4J),
                        GRPC_PROTOBUF))
                .as("client (" + module("client") + ") depends only on proofs, protocol, gRPC/protobuf, SLF4J and "
                        + "the JDK")
                .because("STYLE rule 1: the client SDK ships without the server");
    }

    ArchRule clientNeverDependsOnServerSideModules() {
        return noClasses().that().resideInAPackage(module("client"))
                .should().dependOnClassesThat().resideInAnyPackage(
                        module("ledger"), module("kv"), module("events"), module("server"), module("cli"),
                        module("bench"))
                .as("client (" + module("client") + ") never depends on ledger, kv, events, server, cli or bench")
                .because("STYLE rule 1: the client SDK ships without the server");
    }

    ArchRule serverNeverDependsOnClientCliOrBench() {
        return noClasses().that().resideInAPackage(module("server"))
                .should().dependOnClassesThat()
                .resideInAnyPackage(module("client"), module("cli"), module("bench"))
                .as("server (" + module("server") + ") never depends on client, cli or bench")
                .because("STYLE rule 1: server sits below cli and beside client");
    }

    ArchRule nothingDependsOnCli() {
        return noClasses().that().resideOutsideOfPackage(module("cli"))
                .should().dependOnClassesThat().resideInAPackage(module("cli"))
                .as("no module depends on cli (" + module("cli") + ")")
                .because("STYLE rule 1: cli is the top of the graph");
    }

    ArchRule benchNeverDependsOnCli() {
        return noClasses().that().resideInAPackage(module("bench"))
                .should().dependOnClassesThat().resideInAPackage(module("cli"))
                .as("bench (" + module("bench") + ") never depends on cli")
                .because("STYLE rule 1: cli runs the benchmarks, not the other way round");
    }

    /** {@code <root>.a.x.internal.Y} may be used from {@code <root>.a..} only. */
    ArchRule noInternalPackageUsedAcrossModules() {
        return classes().should(notUseAnotherModulesInternalPackage())
                .as("no class uses another module's .internal. package (below " + root + ")")
                .because("STYLE rule 10: internal packages are private to their module");
    }

    private ArchRule dataModelDependsOnlyOnLedgerAndProofs(String model) {
        return classes().that().resideInAPackage(module(model))
                .should().onlyDependOnClassesThat()
                .resideInAnyPackage(plus(JDK, module(model), module("ledger"), module("proofs"), SLF4J))
                .as(model + " (" + module(model) + ") depends only on ledger, proofs, SLF4J and the JDK")
                .because("STYLE rule 1: a data model sits on the ledger alone");
    }

    private ArchRule dataModelDoesNotDependOn(String model, String other) {
        return noClasses().that().resideInAPackage(module(model))
                .should().dependOnClassesThat().resideInAPackage(module(other))
                .as(model + " (" + module(model) + ") never depends on " + other)
                .because("STYLE rule 11: do not unify kv and events storage");
    }

    /**
     * A class is generated if its top-level class is a protoc message, builder interface, enum or outer
     * {@code *Proto} class, or a grpc-java {@code *Grpc} class; nested and anonymous classes inherit that.
     */
    private static ArchCondition<JavaClass> beGeneratedByProtocOrGrpc() {
        return new ArchCondition<>("be generated by protoc or grpc-java") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                JavaClass top = item;
                for (Optional<JavaClass> up = item.getEnclosingClass(); up.isPresent(); up = top.getEnclosingClass()) {
                    top = up.get();
                }
                if (!isGenerated(top)) {
                    events.add(SimpleConditionEvent.violated(item, "Class <" + item.getName() + "> is not "
                            + "generated by protoc or grpc-java (its top-level class " + top.getName() + " is no "
                            + "message, OrBuilder, enum, outer *Proto or *Grpc class) in "
                            + item.getSourceCodeLocation()));
                }
            }
        };
    }

    private static boolean isGenerated(JavaClass top) {
        return top.isAssignableTo("com.google.protobuf.GeneratedMessageV3")
                || top.isAssignableTo("com.google.protobuf.MessageOrBuilder")
                || top.isAssignableTo("com.google.protobuf.ProtocolMessageEnum")
                || top.isAnnotatedWith("io.grpc.stub.annotations.GrpcGenerated")
                || hasStaticMethod(top, "getDescriptor", "com.google.protobuf.Descriptors$FileDescriptor")
                || hasStaticMethod(top, "getServiceDescriptor", "io.grpc.ServiceDescriptor");
    }

    private static boolean hasStaticMethod(JavaClass c, String name, String returnType) {
        return c.getMethods().stream().anyMatch(m -> m.getName().equals(name)
                && m.getRawParameterTypes().isEmpty()
                && m.getModifiers().contains(JavaModifier.STATIC)
                && m.getRawReturnType().getName().equals(returnType));
    }

    private ArchCondition<JavaClass> notUseAnotherModulesInternalPackage() {
        return new ArchCondition<>("not use another module's internal package") {
            @Override
            public void check(JavaClass item, ConditionEvents events) {
                String from = moduleOf(item.getPackageName());
                for (Dependency d : item.getDirectDependenciesFromSelf()) {
                    String targetPackage = d.getTargetClass().getBaseComponentType().getPackageName();
                    String to = moduleOf(targetPackage);
                    if (to != null && ("." + targetPackage + ".").contains(".internal.") && !to.equals(from)) {
                        events.add(SimpleConditionEvent.violated(d, d.getDescription()
                                + " [module " + from + " uses internal package " + targetPackage + " of module "
                                + to + "]"));
                    }
                }
            }
        };
    }

    /** The module of a package below the root ({@code <root>.kv.x} is {@code kv}), or null outside it. */
    private String moduleOf(String packageName) {
        String prefix = root + ".";
        if (!packageName.startsWith(prefix)) {
            return null;
        }
        String rest = packageName.substring(prefix.length());
        int dot = rest.indexOf('.');
        return dot < 0 ? rest : rest.substring(0, dot);
    }

    private static String[] plus(String[] base, String... more) {
        List<String> all = new ArrayList<>(List.of(base));
        all.addAll(List.of(more));
        return all.toArray(new String[0]);
    }
}
