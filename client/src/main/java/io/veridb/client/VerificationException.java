package io.veridb.client;

import io.veridb.proofs.Verification;
import java.util.Objects;

/**
 * A proof or signature sent by the server did not verify, or the server's answer contradicts the request. The
 * trusted state was not changed. {@link #check()} names the failed check, {@link #expected()} the value the
 * client required and {@link #calculated()} the value it derived from the server's answer.
 */
public final class VerificationException extends VeriClientException {

    private static final long serialVersionUID = 1L;

    private final String check;
    private final String expected;
    private final String calculated;

    public VerificationException(String check, String expected, String calculated) {
        super("verification failed: " + check + ": expected=" + expected + " calculated=" + calculated);
        this.check = Objects.requireNonNull(check, "check");
        this.expected = Objects.requireNonNull(expected, "expected");
        this.calculated = Objects.requireNonNull(calculated, "calculated");
    }

    /** Wraps a failed {@link Verification}; {@code context} names the operation. */
    static VerificationException of(String context, Verification.Failure failure) {
        return new VerificationException(context + ": " + failure.check(), failure.expected(), failure.calculated());
    }

    /** Throws unless {@code v} is ok. */
    static void require(String context, Verification v) {
        if (v instanceof Verification.Failure f) {
            throw of(context, f);
        }
    }

    /** The failed check, for example {@code "verifiedGet: dual proof (3 -> 5): linear proof: target Alh"}. */
    public String check() {
        return check;
    }

    /** The value the client required. */
    public String expected() {
        return expected;
    }

    /** The value derived from the server's answer. */
    public String calculated() {
        return calculated;
    }
}
