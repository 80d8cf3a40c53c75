package io.veridb.client.dcb;

import io.grpc.Status;

/** The server could not encode or decode data (SERIALIZATION). */
public final class SerializationException extends DcbException {

    private static final long serialVersionUID = 1L;

    SerializationException(String message, Status.Code code, Throwable cause) {
        super(message, code, cause);
    }
}
