package io.veridb.server.dcb;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.veridb.events.DcbException;
import io.veridb.protocol.umadb.v1.ErrorResponse;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place that turns DCB domain errors into gRPC statuses the way UmaDB does: a status code, UmaDB's
 * message text, and the raw {@code umadb.v1.ErrorResponse} bytes in the {@code grpc-status-details-bin} trailer
 * (not a google.rpc.Status: UmaDB clients decode ErrorResponse directly).
 */
final class DcbStatus {
    static final Metadata.Key<byte[]> DETAILS_KEY =
            Metadata.Key.of("grpc-status-details-bin", Metadata.BINARY_BYTE_MARSHALLER);
    private static final Logger LOG = LoggerFactory.getLogger(DcbStatus.class);

    private DcbStatus() {}

    /** The status exception for any failure; unknown failures become INTERNAL "internal error: …". */
    static StatusRuntimeException of(Throwable failure) {
        Throwable t = unwrap(failure);
        if (t instanceof StatusRuntimeException sre) {
            return sre;
        }
        DcbException e;
        if (t instanceof DcbException dcb) {
            e = dcb;
        } else {
            LOG.error("DCB request failed unexpectedly", t);
            e = DcbException.internal(String.valueOf(t.getMessage()), t);
        }
        return of(e);
    }

    static StatusRuntimeException of(DcbException e) {
        Metadata trailers = new Metadata();
        trailers.put(DETAILS_KEY, errorResponse(e).toByteArray());
        return code(e.kind()).withDescription(e.getMessage()).asRuntimeException(trailers);
    }

    static ErrorResponse errorResponse(DcbException e) {
        return ErrorResponse.newBuilder().setMessage(e.getMessage()).setErrorType(errorType(e.kind())).build();
    }

    static Status code(DcbException.Kind kind) {
        return switch (kind) {
            case AUTHENTICATION -> Status.UNAUTHENTICATED;
            case INVALID_ARGUMENT, SERIALIZATION -> Status.INVALID_ARGUMENT;
            case INTEGRITY -> Status.FAILED_PRECONDITION;
            case CORRUPTION, DESERIALIZATION -> Status.DATA_LOSS;
            case INTERNAL, IO -> Status.INTERNAL;
        };
    }

    static ErrorResponse.ErrorType errorType(DcbException.Kind kind) {
        return switch (kind) {
            case AUTHENTICATION -> ErrorResponse.ErrorType.AUTHENTICATION;
            case INVALID_ARGUMENT -> ErrorResponse.ErrorType.INVALID_ARGUMENT;
            case SERIALIZATION -> ErrorResponse.ErrorType.SERIALIZATION;
            case INTEGRITY -> ErrorResponse.ErrorType.INTEGRITY;
            case CORRUPTION, DESERIALIZATION -> ErrorResponse.ErrorType.CORRUPTION;
            case INTERNAL -> ErrorResponse.ErrorType.INTERNAL;
            case IO -> ErrorResponse.ErrorType.IO;
        };
    }

    private static Throwable unwrap(Throwable t) {
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }
}
