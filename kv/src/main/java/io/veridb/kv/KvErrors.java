package io.veridb.kv;

/**
 * immudb's error texts (protocol spec §6) and the {@link KvException}s built from them. Texts SDKs match exactly
 * ("illegal state", "illegal arguments") are never given a detail suffix when the spec requires the exact form;
 * elsewhere a detail follows after {@code ": "} and names the offending value and the limit.
 */
public final class KvErrors {

    public static final String KEY_NOT_FOUND = "tbtree: key not found";
    public static final String EXPIRED_ENTRY = KEY_NOT_FOUND + ": expired entry";
    public static final String TX_NOT_FOUND = "tx not found";
    public static final String ILLEGAL_STATE = "illegal state";
    public static final String ILLEGAL_ARGUMENTS = "illegal arguments";
    public static final String DUPLICATED_KEYS = "duplicated keys are not supported in single batch transaction";
    public static final String MAX_KEY_LENGTH = "max key length exceeded";
    public static final String MAX_VALUE_LENGTH = "max value length exceeded";
    public static final String MAX_TX_ENTRIES = "max number of entries per tx exceeded";
    public static final String PRECONDITION_FAILED = "precondition failed";
    public static final String INVALID_PRECONDITION = "invalid precondition";
    public static final String RESULT_SIZE_LIMIT_EXCEEDED = "result size limit exceeded";
    public static final String REFERENCED_KEY_IS_REFERENCE = "referenced key cannot be a reference";
    public static final String FINAL_KEY_NOT_CONVERTIBLE = "final key cannot be converted into a reference";
    public static final String KEY_RESOLUTION_LIMIT =
            "key resolution limit reached. It may be due to cyclic references";
    public static final String INVALID_REVISION = "invalid key revision number";
    public static final String METADATA_UNSUPPORTED = "metadata is unsupported when in 1.1 compatibility mode";
    public static final String CORRUPTED_DATA = "data is corrupted";
    public static final String EMPTY_SET = "empty set";
    public static final String NO_ENTRIES = "no entries provided";
    public static final String DUPLICATED_ZADD =
            "duplicated index inside zAdd insertions are not supported in single batch transaction";
    public static final String DUPLICATED_REFERENCES =
            "duplicated references insertions are not supported in single batch transaction";

    private KvErrors() {}

    static KvException keyNotFound() {
        return new KvException(KvErrorCode.UNKNOWN, KEY_NOT_FOUND);
    }

    static KvException expiredEntry() {
        return new KvException(KvErrorCode.UNKNOWN, EXPIRED_ENTRY);
    }

    /**
     * Exact "tx not found", with no detail: immudb-py compares the gRPC details verbatim to turn it into
     * {@code None}, so the tx id and the last tx cannot be appended here.
     */
    static KvException txNotFound(long txId, long lastTxId) {
        return new KvException(KvErrorCode.UNKNOWN, TX_NOT_FOUND);
    }

    /** Exact "illegal state" (INVALID_ARGUMENT): the Go SDK compares it verbatim. */
    static KvException illegalState() {
        return new KvException(KvErrorCode.INVALID_ARGUMENT, ILLEGAL_STATE);
    }

    /** Exact "illegal arguments" (INVALID_ARGUMENT). */
    static KvException illegalArguments() {
        return new KvException(KvErrorCode.INVALID_ARGUMENT, ILLEGAL_ARGUMENTS);
    }

    /** "illegal arguments: detail" (UNKNOWN, as immudb's wrapped store error). */
    static KvException illegalArguments(String detail) {
        return new KvException(KvErrorCode.UNKNOWN, ILLEGAL_ARGUMENTS + ": " + detail);
    }

    static KvException duplicatedKeys() {
        return new KvException(KvErrorCode.INVALID_ARGUMENT, DUPLICATED_KEYS);
    }

    static KvException invalidArgument(String text) {
        return new KvException(KvErrorCode.INVALID_ARGUMENT, text);
    }

    static KvException unknown(String text) {
        return new KvException(KvErrorCode.UNKNOWN, text);
    }

    static KvException preconditionFailed(String detail) {
        return new KvException(KvErrorCode.FAILED_PRECONDITION, PRECONDITION_FAILED + ": " + detail);
    }

    static KvException invalidPrecondition(String detail) {
        return new KvException(KvErrorCode.INVALID_ARGUMENT, INVALID_PRECONDITION + ": " + detail);
    }

    static KvException resultSizeLimitExceeded(long limit, int max) {
        return new KvException(KvErrorCode.UNKNOWN, RESULT_SIZE_LIMIT_EXCEEDED
                + ": the specified limit (" + limit + ") is larger than the maximum allowed one (" + max + ")");
    }

    static KvException referencedKeyIsReference() {
        return new KvException(KvErrorCode.UNKNOWN, REFERENCED_KEY_IS_REFERENCE);
    }

    static KvException finalKeyNotConvertible() {
        return new KvException(KvErrorCode.UNKNOWN, FINAL_KEY_NOT_CONVERTIBLE);
    }

    static KvException keyResolutionLimit() {
        return new KvException(KvErrorCode.UNKNOWN, KEY_RESOLUTION_LIMIT);
    }

    static KvException invalidRevision(long revision) {
        return new KvException(KvErrorCode.UNKNOWN, INVALID_REVISION + ": revision=" + revision);
    }

    static KvException limit(String text, String detail) {
        return new KvException(KvErrorCode.UNKNOWN, text + ": " + detail);
    }

    static KvException corrupted(String detail, Throwable cause) {
        return new KvException(KvErrorCode.DATA_LOSS, CORRUPTED_DATA + ": " + detail, cause);
    }

    static KvException internal(String detail, Throwable cause) {
        return new KvException(KvErrorCode.INTERNAL, detail, cause);
    }
}
