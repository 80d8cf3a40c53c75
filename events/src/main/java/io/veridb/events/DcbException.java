package io.veridb.events;

import java.util.Objects;

/**
 * A DCB domain error. The {@link Kind} decides the gRPC status and UmaDB {@code ErrorResponse.ErrorType} (mapped
 * in exactly one server class); {@link #getMessage()} carries UmaDB's display prefix, which clients match on.
 */
public final class DcbException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The error kinds of UmaDB's protocol, each with the prefix of its display text. */
    public enum Kind {
        IO("io error: "),
        SERIALIZATION("serialization error: "),
        INTEGRITY("integrity error: "),
        CORRUPTION("corruption detected: "),
        DESERIALIZATION("deserialization error: "),
        INTERNAL("internal error: "),
        AUTHENTICATION("authentication error: "),
        INVALID_ARGUMENT("invalid argument: ");

        private final String prefix;

        Kind(String prefix) {
            this.prefix = prefix;
        }

        /** The prefix of every message of this kind, e.g. {@code "invalid argument: "}. */
        public String prefix() {
            return prefix;
        }
    }

    private final Kind kind;

    private DcbException(Kind kind, String detail, Throwable cause) {
        super(kind.prefix + detail, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
    }

    public Kind kind() {
        return kind;
    }

    /** A failed append condition or tracking check: {@code "integrity error: condition failed: <detail>"}. */
    public static DcbException conditionFailed(String detail) {
        return new DcbException(Kind.INTEGRITY, "condition failed: " + detail, null);
    }

    public static DcbException invalidArgument(String detail) {
        return new DcbException(Kind.INVALID_ARGUMENT, detail, null);
    }

    /** Input that could not be decoded, e.g. {@code "Invalid UUID in Event"}. */
    public static DcbException deserialization(String detail) {
        return new DcbException(Kind.DESERIALIZATION, detail, null);
    }

    public static DcbException corruption(String detail, Throwable cause) {
        return new DcbException(Kind.CORRUPTION, detail, cause);
    }

    public static DcbException internal(String detail, Throwable cause) {
        return new DcbException(Kind.INTERNAL, detail, cause);
    }

    public static DcbException io(String detail, Throwable cause) {
        return new DcbException(Kind.IO, detail, cause);
    }

    public static DcbException authentication(String detail) {
        return new DcbException(Kind.AUTHENTICATION, detail, null);
    }
}
