package io.veridb.kv;

import java.util.Objects;

/**
 * A domain error of the immudb data model. {@link #getMessage()} is immudb's own error text (protocol spec §6),
 * optionally followed by {@code ": detail"} naming the offending value and the limit; SDKs match on that text
 * ("key not found" suffix, exact "illegal state" / "illegal arguments"), so the standard texts live in
 * {@link KvErrors} and nowhere else.
 */
public final class KvException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final KvErrorCode code;

    public KvException(KvErrorCode code, String message) {
        super(Objects.requireNonNull(message, "message"));
        this.code = Objects.requireNonNull(code, "code");
    }

    public KvException(KvErrorCode code, String message, Throwable cause) {
        super(Objects.requireNonNull(message, "message"), cause);
        this.code = Objects.requireNonNull(code, "code");
    }

    /** The gRPC-level category. */
    public KvErrorCode code() {
        return code;
    }

    /** True when this is a "key not found" error (including the expired-entry variant). */
    public boolean isKeyNotFound() {
        return getMessage().startsWith(KvErrors.KEY_NOT_FOUND);
    }
}
