package io.veridb.ledger;

/**
 * A request breaks a ledger limit (key or value length, entries per transaction). The message names the
 * offending value and the limit; the request alone fails.
 */
public final class LimitExceededException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final String what;
    private final long value;
    private final long limit;

    public LimitExceededException(String what, long value, long limit, String where) {
        super(what + "=" + value + " exceeds limit=" + limit + (where.isEmpty() ? "" : " (" + where + ")"));
        this.what = what;
        this.value = value;
        this.limit = limit;
    }

    /** Which limit: {@code keyLength}, {@code valueLength} or {@code entries}. */
    public String what() {
        return what;
    }

    public long value() {
        return value;
    }

    public long limit() {
        return limit;
    }
}
