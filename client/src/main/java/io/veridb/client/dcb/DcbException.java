package io.veridb.client.dcb;

import io.grpc.Status;

/**
 * A DCB call failed. The subclass tells the kind (UmaDB's {@code ErrorResponse.ErrorType}); {@link #code()} is the
 * gRPC status code and the message the server's text (for example {@code "integrity error: condition failed:
 * …"}).
 */
public abstract sealed class DcbException extends RuntimeException
        permits IntegrityException, AuthenticationException, InvalidArgumentException, SerializationException,
                CorruptionException, InternalException, DcbIoException {

    private static final long serialVersionUID = 1L;

    private final Status.Code code;

    DcbException(String message, Status.Code code, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    /** The gRPC status code of the failed call. */
    public Status.Code code() {
        return code;
    }
}
