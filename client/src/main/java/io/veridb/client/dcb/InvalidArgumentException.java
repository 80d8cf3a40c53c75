package io.veridb.client.dcb;

import io.grpc.Status;

/** The request is invalid, for example an event too large or duplicate metadata keys (INVALID_ARGUMENT). */
public final class InvalidArgumentException extends DcbException {

    private static final long serialVersionUID = 1L;

    InvalidArgumentException(String message, Status.Code code, Throwable cause) {
        super(message, code, cause);
    }
}
