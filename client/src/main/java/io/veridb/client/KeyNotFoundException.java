package io.veridb.client;

import io.grpc.Status;

/** The key does not exist, is deleted or has expired (the server's message contains "key not found"). */
public final class KeyNotFoundException extends VeriClientException {

    private static final long serialVersionUID = 1L;

    public KeyNotFoundException(String message, Status.Code code, String errorCode, Throwable cause) {
        super(message, code, errorCode, cause);
    }
}
