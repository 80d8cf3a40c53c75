package io.veridb.client;

import io.grpc.Status;

/** The transaction does not exist (the server's message contains "tx not found"). */
public final class TxNotFoundException extends VeriClientException {

    private static final long serialVersionUID = 1L;

    public TxNotFoundException(String message, Status.Code code, String errorCode, Throwable cause) {
        super(message, code, errorCode, cause);
    }
}
