package io.veridb.client;

import io.grpc.Status;

/**
 * A call to the server failed. Carries the gRPC status code and, when the server attached one, the immudb
 * {@code ErrorInfo} code (an SQLSTATE-like string such as {@code 08004}) and cause from
 * {@code grpc-status-details-bin}. Subclasses name the failures callers act on.
 */
public class VeriClientException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final Status.Code code;
    private final String errorCode;

    /**
     * @param message what failed, including the server's message
     * @param code the gRPC status code, {@link Status.Code#UNKNOWN} when the failure happened on the client
     * @param errorCode the immudb ErrorInfo code, empty if none
     */
    public VeriClientException(String message, Status.Code code, String errorCode, Throwable cause) {
        super(message, cause);
        this.code = code;
        this.errorCode = errorCode == null ? "" : errorCode;
    }

    /** A client-side failure without a gRPC status. */
    public VeriClientException(String message) {
        this(message, Status.Code.UNKNOWN, "", null);
    }

    /** The gRPC status code of the failed call. */
    public Status.Code code() {
        return code;
    }

    /** The immudb ErrorInfo code from the status details, empty if the server sent none. */
    public String errorCode() {
        return errorCode;
    }
}
