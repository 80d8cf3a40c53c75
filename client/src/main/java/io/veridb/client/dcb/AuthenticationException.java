package io.veridb.client.dcb;

import io.grpc.Status;

/** The API key is missing or wrong (AUTHENTICATION). */
public final class AuthenticationException extends DcbException {

    private static final long serialVersionUID = 1L;

    AuthenticationException(String message, Status.Code code, Throwable cause) {
        super(message, code, cause);
    }
}
