package io.veridb.client.dcb;

import io.grpc.Status;

/** The server detected damaged data or an undecodable value (CORRUPTION). */
public final class CorruptionException extends DcbException {

    private static final long serialVersionUID = 1L;

    CorruptionException(String message, Status.Code code, Throwable cause) {
        super(message, code, cause);
    }
}
