package io.veridb.client.dcb;

import io.grpc.Status;

/** An I/O or transport failure, and any error without a more specific kind (IO). */
public final class DcbIoException extends DcbException {

    private static final long serialVersionUID = 1L;

    DcbIoException(String message, Status.Code code, Throwable cause) {
        super(message, code, cause);
    }
}
