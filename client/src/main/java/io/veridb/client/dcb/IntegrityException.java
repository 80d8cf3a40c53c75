package io.veridb.client.dcb;

import io.grpc.Status;

/** An append condition matched an event, or a tracking position did not increase (INTEGRITY). */
public final class IntegrityException extends DcbException {

    private static final long serialVersionUID = 1L;

    IntegrityException(String message, Status.Code code, Throwable cause) {
        super(message, code, cause);
    }
}
