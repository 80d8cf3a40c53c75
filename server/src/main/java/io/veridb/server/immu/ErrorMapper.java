package io.veridb.server.immu;

import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.veridb.kv.KvException;
import io.veridb.ledger.CorruptLogException;
import io.veridb.ledger.LedgerFailedException;
import io.veridb.ledger.LimitExceededException;
import io.veridb.server.auth.AuthException;
import io.veridb.server.db.DatabaseException;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one place where domain errors become gRPC {@link Status}es, with immudb's codes and messages (protocol spec
 * §6): auth and database errors by reason, {@link KvException} by its code, ledger failures by type. Anything
 * unexpected is logged and reported as INTERNAL without internals.
 */
public final class ErrorMapper {
    private static final Logger LOG = LoggerFactory.getLogger(ErrorMapper.class);

    private ErrorMapper() {}

    /** The status for {@code error}; {@code streaming} selects immudb's stream wording where it differs. */
    public static Status toStatus(Throwable error, boolean streaming) {
        Throwable e = unwrap(error);
        if (e instanceof StatusRuntimeException sre) {
            return sre.getStatus();
        }
        if (e instanceof StatusException se) {
            return se.getStatus();
        }
        if (e instanceof AuthException ae) {
            return auth(ae, streaming);
        }
        if (e instanceof DatabaseException de) {
            return database(de);
        }
        if (e instanceof KvException ke) {
            return kv(ke);
        }
        if (e instanceof LimitExceededException le) {
            return Status.UNKNOWN.withDescription(limitMessage(le.what()) + ": " + le.getMessage());
        }
        if (e instanceof CorruptLogException) {
            LOG.error("stored data is damaged", e);
            return Status.DATA_LOSS.withDescription(
                    "the database should be checked manually as we detected possible tampering: " + e.getMessage());
        }
        if (e instanceof LedgerFailedException) {
            LOG.error("ledger refused the request", e);
            return Status.UNAVAILABLE.withDescription("database is not writable: " + e.getMessage());
        }
        if (e instanceof IllegalArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription("illegal arguments: " + e.getMessage());
        }
        LOG.error("unexpected error while serving a call", e);
        return Status.INTERNAL.withDescription("internal error: " + e.getClass().getSimpleName());
    }

    private static Throwable unwrap(Throwable e) {
        Throwable t = e;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static Status auth(AuthException e, boolean streaming) {
        String message = e.getMessage();
        switch (e.reason()) {
            case SESSION_NOT_FOUND:
                return streaming
                        ? Status.INVALID_ARGUMENT.withDescription("no session found")
                        : Status.PERMISSION_DENIED.withDescription(message);
            case DATABASE_ACCESS_DENIED:
            case TOKEN_EXPIRED:
            case OLD_PASSWORD_INCORRECT:
            case FORBIDDEN:
            case REMOTE_WITHOUT_AUTH:
                return Status.PERMISSION_DENIED.withDescription(message);
            case TOKEN_NOT_FOUND:
                return Status.UNAUTHENTICATED.withDescription(message);
            case PERMISSION_DENIED:
                return Status.INTERNAL.withDescription(message);
            case WEAK_PASSWORD:
            case INVALID_ARGUMENT:
            case MAINTENANCE:
            case AUTH_MUST_BE_ON:
                return Status.INVALID_ARGUMENT.withDescription(message);
            case USER_NOT_FOUND:
                return Status.NOT_FOUND.withDescription(message);
            case USER_INACTIVE_TARGET:
                return Status.FAILED_PRECONDITION.withDescription(message);
            default:
                return Status.UNKNOWN.withDescription(message);
        }
    }

    private static Status database(DatabaseException e) {
        String message = e.getMessage();
        switch (e.reason()) {
            case USE_NOT_EXISTS:
                return Status.NOT_FOUND.withDescription(message);
            case IN_USE:
                return Status.FAILED_PRECONDITION.withDescription(message);
            case STORAGE:
                LOG.error("database storage failure", e);
                return Status.INTERNAL.withDescription(message);
            default:
                return Status.UNKNOWN.withDescription(message);
        }
    }

    private static Status kv(KvException e) {
        Status.Code code;
        switch (e.code()) {
            case INVALID_ARGUMENT:
                code = Status.Code.INVALID_ARGUMENT;
                break;
            case FAILED_PRECONDITION:
                code = Status.Code.FAILED_PRECONDITION;
                break;
            case NOT_FOUND:
                code = Status.Code.NOT_FOUND;
                break;
            case PERMISSION_DENIED:
                code = Status.Code.PERMISSION_DENIED;
                break;
            case INTERNAL:
                code = Status.Code.INTERNAL;
                break;
            case OUT_OF_RANGE:
                code = Status.Code.OUT_OF_RANGE;
                break;
            case DATA_LOSS:
                code = Status.Code.DATA_LOSS;
                break;
            default:
                code = Status.Code.UNKNOWN;
                break;
        }
        return Status.fromCode(code).withDescription(e.getMessage());
    }

    private static String limitMessage(String what) {
        switch (what) {
            case "keyLength":
                return "max key length exceeded";
            case "valueLength":
                return "max value length exceeded";
            default:
                return "max number of entries per tx exceeded";
        }
    }
}
