package io.veridb.arch;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.AccessTarget.CodeUnitAccessTarget;
import com.tngtech.archunit.core.domain.JavaAccess;
import com.tngtech.archunit.core.domain.JavaClass;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Predicates that pick out one JDK method or constructor, by owner, name and exact parameter list, among the
 * accesses of a class. An access is a call or a method reference ({@code String::getBytes}), so both are caught.
 */
final class Apis {

    private Apis() {}

    /**
     * A method {@code name(params)} declared by {@code owner} or called through one of its subtypes (a call to
     * {@code e.printStackTrace()} on an {@code IOException} names {@code IOException} as the owner).
     */
    static DescribedPredicate<JavaAccess<?>> method(Class<?> owner, String name, Class<?>... params) {
        return codeUnit(owner, name, params, owner.getSimpleName() + "." + name + signature(params), true);
    }

    /**
     * A constructor {@code owner(params)}. The owner must match exactly: a subclass constructor that calls an
     * unnamed {@code super()} is itself a call to this constructor and is caught.
     */
    static DescribedPredicate<JavaAccess<?>> constructor(Class<?> owner, Class<?>... params) {
        return codeUnit(owner, "<init>", params, "new " + owner.getSimpleName() + signature(params), false);
    }

    /** Any of the given APIs; the description lists them all so a failure report names the whole ban list. */
    static DescribedPredicate<JavaAccess<?>> anyOf(List<DescribedPredicate<JavaAccess<?>>> apis) {
        List<DescribedPredicate<JavaAccess<?>>> all = List.copyOf(apis);
        String description = all.stream().map(DescribedPredicate::getDescription).collect(Collectors.joining(", "));
        return DescribedPredicate.describe(description, access -> all.stream().anyMatch(p -> p.test(access)));
    }

    private static DescribedPredicate<JavaAccess<?>> codeUnit(
            Class<?> owner, String name, Class<?>[] params, String description, boolean subtypes) {
        List<String> wanted = Arrays.stream(params).map(Class::getName).collect(Collectors.toUnmodifiableList());
        return DescribedPredicate.describe(description, access -> {
            if (!(access.getTarget() instanceof CodeUnitAccessTarget)) {
                return false;
            }
            CodeUnitAccessTarget target = (CodeUnitAccessTarget) access.getTarget();
            if (!target.getName().equals(name) || !names(target.getRawParameterTypes()).equals(wanted)) {
                return false;
            }
            JavaClass targetOwner = target.getOwner();
            return subtypes ? targetOwner.isAssignableTo(owner) : targetOwner.isEquivalentTo(owner);
        });
    }

    private static List<String> names(List<JavaClass> types) {
        return types.stream().map(JavaClass::getName).collect(Collectors.toUnmodifiableList());
    }

    private static String signature(Class<?>[] params) {
        return Arrays.stream(params).map(Class::getSimpleName).collect(Collectors.joining(", ", "(", ")"));
    }
}
