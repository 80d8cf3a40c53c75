package io.veridb.kv;

/**
 * The gRPC-level category of a {@link KvException}. The server maps each constant to the {@code io.grpc.Status}
 * code of the same name in exactly one place; this module stays free of gRPC.
 */
public enum KvErrorCode {
    UNKNOWN,
    INVALID_ARGUMENT,
    FAILED_PRECONDITION,
    NOT_FOUND,
    PERMISSION_DENIED,
    INTERNAL,
    OUT_OF_RANGE,
    DATA_LOSS
}
