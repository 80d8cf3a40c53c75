package io.veridb.client.dcb;

import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.veridb.protocol.umadb.v1.ErrorResponse;

/**
 * Decodes a failed DCB call. UmaDB servers put the raw bytes of {@code umadb.v1.ErrorResponse} (not a
 * {@code google.rpc.Status}) in the {@code grpc-status-details-bin} trailer; its {@code error_type} picks the
 * exception. Without decodable details the gRPC code decides, as in UmaDB's own clients: UNAUTHENTICATED →
 * authentication, INVALID_ARGUMENT → invalid argument, FAILED_PRECONDITION → integrity, DATA_LOSS → corruption,
 * INTERNAL → internal, anything else → I/O.
 */
final class DcbErrors {

    static final Metadata.Key<byte[]> DETAILS =
            Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);

    private DcbErrors() {}

    static DcbException map(StatusRuntimeException e) {
        Status status = e.getStatus();
        ErrorResponse details = details(e.getTrailers());
        String message = details != null && !details.getMessage().isEmpty()
                ? details.getMessage()
                : status.getCode() + (status.getDescription() == null ? "" : ": " + status.getDescription());
        ErrorResponse.ErrorType type = details != null ? details.getErrorType() : fromCode(status.getCode());
        Status.Code code = status.getCode();
        return switch (type) {
            case INTEGRITY -> new IntegrityException(message, code, e);
            case AUTHENTICATION -> new AuthenticationException(message, code, e);
            case INVALID_ARGUMENT -> new InvalidArgumentException(message, code, e);
            case SERIALIZATION -> new SerializationException(message, code, e);
            case CORRUPTION -> new CorruptionException(message, code, e);
            case INTERNAL -> new InternalException(message, code, e);
            case IO, UNRECOGNIZED -> new DcbIoException(message, code, e);
        };
    }

    /**
     * The ErrorResponse in the trailer, or null if absent or not an ErrorResponse. Bytes of another message (such
     * as a google.rpc.Status) parse with unknown fields, which is how they are told apart.
     */
    private static ErrorResponse details(Metadata trailers) {
        byte[] bytes = trailers == null ? null : trailers.get(DETAILS);
        if (bytes == null || bytes.length == 0) {
            return null;
        }
        try {
            ErrorResponse r = ErrorResponse.parseFrom(bytes);
            return r.getUnknownFields().asMap().isEmpty() ? r : null;
        } catch (InvalidProtocolBufferException ex) {
            return null;
        }
    }

    private static ErrorResponse.ErrorType fromCode(Status.Code code) {
        return switch (code) {
            case UNAUTHENTICATED -> ErrorResponse.ErrorType.AUTHENTICATION;
            case INVALID_ARGUMENT -> ErrorResponse.ErrorType.INVALID_ARGUMENT;
            case FAILED_PRECONDITION -> ErrorResponse.ErrorType.INTEGRITY;
            case DATA_LOSS -> ErrorResponse.ErrorType.CORRUPTION;
            case INTERNAL -> ErrorResponse.ErrorType.INTERNAL;
            default -> ErrorResponse.ErrorType.IO;
        };
    }
}
