package io.veridb.client.dcb;

import io.grpc.Status;

/** The server failed internally (INTERNAL). */
public final class InternalException extends DcbException {

    private static final long serialVersionUID = 1L;

    InternalException(String message, Status.Code code, Throwable cause) {
        super(message, code, cause);
    }
}
