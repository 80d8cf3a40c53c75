package io.veridb.proofs;

import java.util.Objects;
import java.util.function.Supplier;

/**
 * Outcome of checking a proof: a value, never an exception (a failed verification is an expected result, not a
 * bug). Either {@link Ok} or a {@link Failure} naming the check, the expected value and the calculated value.
 * Hashes are rendered as lowercase hex. Immutable and thread-safe.
 */
public sealed interface Verification permits Verification.Ok, Verification.Failure {

    /** The successful outcome. */
    static Verification ok() {
        return Ok.INSTANCE;
    }

    /** A failed check; {@code check} says where (for example "dual proof: consistency 2→3: root_j"). */
    static Verification failure(String check, String expected, String calculated) {
        return new Failure(check, expected, calculated);
    }

    /** A failed check comparing two hashes. */
    static Verification failure(String check, byte[] expected, byte[] calculated) {
        return new Failure(check, Checks.hex(expected), Checks.hex(calculated));
    }

    /** A failed check comparing two numbers. */
    static Verification failure(String check, long expected, long calculated) {
        return new Failure(check, Long.toString(expected), Long.toString(calculated));
    }

    /** Checks that two hashes are equal; {@code expected} is the trusted side. */
    static Verification equalHashes(String check, byte[] expected, byte[] calculated) {
        return java.util.Arrays.equals(expected, calculated) ? ok() : failure(check, expected, calculated);
    }

    /** True for {@link Ok}. */
    boolean isOk();

    /** This result if it failed, else the result of {@code next} (evaluated lazily). */
    default Verification and(Supplier<Verification> next) {
        return isOk() ? next.get() : this;
    }

    /** This result with {@code context + ": "} prepended to the check name if it failed. */
    Verification within(String context);

    /** Success. */
    record Ok() implements Verification {
        private static final Ok INSTANCE = new Ok();

        @Override
        public boolean isOk() {
            return true;
        }

        @Override
        public Verification within(String context) {
            return this;
        }
    }

    /**
     * A failed check.
     *
     * @param check where the mismatch was found
     * @param expected the value the verifier required
     * @param calculated the value derived from the proof
     */
    record Failure(String check, String expected, String calculated) implements Verification {
        public Failure {
            Objects.requireNonNull(check, "check");
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(calculated, "calculated");
        }

        @Override
        public boolean isOk() {
            return false;
        }

        @Override
        public Verification within(String context) {
            return new Failure(context + ": " + check, expected, calculated);
        }

        /** {@code "<check>: expected=<e> calculated=<c>"}. */
        public String message() {
            return check + ": expected=" + expected + " calculated=" + calculated;
        }

        @Override
        public String toString() {
            return "Failure[" + message() + "]";
        }
    }
}
