package io.veridb.client;

import com.google.protobuf.Any;
import com.google.protobuf.InvalidProtocolBufferException;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.protobuf.StatusProto;
import io.veridb.protocol.immudb.ErrorInfo;

/**
 * Turns a failed immudb call into the SDK's exceptions. Reads immudb's {@code ErrorInfo} from the
 * {@code google.rpc.Status} details in {@code grpc-status-details-bin} when present, and recognises the two
 * messages clients act on ("key not found", "tx not found") as immudb's SDKs do.
 */
final class ImmuErrors {

    private ImmuErrors() {}

    static VeriClientException map(String op, StatusRuntimeException e) {
        Status status = e.getStatus();
        String description = status.getDescription() == null ? "" : status.getDescription();
        ErrorInfo info = errorInfo(e);
        String message = op + ": " + status.getCode() + " " + description
                + (info.getCode().isEmpty() ? "" : " (code " + info.getCode() + ", cause " + info.getCause() + ")");
        if (description.contains("key not found")) {
            return new KeyNotFoundException(message, status.getCode(), info.getCode(), e);
        }
        if (description.contains("tx not found")) {
            return new TxNotFoundException(message, status.getCode(), info.getCode(), e);
        }
        return new VeriClientException(message, status.getCode(), info.getCode(), e);
    }

    /** True if the server said a paged read has nothing more ("no more entries"). */
    static boolean isEndOfData(VeriClientException e) {
        return e.getMessage() != null && e.getMessage().contains("no more entries");
    }

    private static ErrorInfo errorInfo(StatusRuntimeException e) {
        com.google.rpc.Status details;
        try {
            details = StatusProto.fromThrowable(e);
        } catch (IllegalArgumentException ex) {
            // A details trailer that is not a google.rpc.Status (or disagrees with the status code) carries no
            // ErrorInfo for us; the status code and message still describe the failure.
            return ErrorInfo.getDefaultInstance();
        }
        if (details == null) {
            return ErrorInfo.getDefaultInstance();
        }
        for (Any any : details.getDetailsList()) {
            if (any.is(ErrorInfo.class)) {
                try {
                    return any.unpack(ErrorInfo.class);
                } catch (InvalidProtocolBufferException ex) {
                    return ErrorInfo.getDefaultInstance();
                }
            }
        }
        return ErrorInfo.getDefaultInstance();
    }
}
