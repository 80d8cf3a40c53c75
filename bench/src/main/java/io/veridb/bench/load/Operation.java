package io.veridb.bench.load;

import java.util.Locale;

/** One kind of request a load client sends. */
public enum Operation {
    /** {@code Set} of one key (unverified). */
    SET("set"),
    /** {@code VerifiableSet} of one key, verified by the SDK against the client's trusted state. */
    VERIFIED_SET("verified-set"),
    /** {@code Get} of one preloaded key (unverified). */
    GET("get"),
    /** {@code VerifiableGet} of one preloaded key, verified by the SDK. */
    VERIFIED_GET("verified-get");

    private final String label;

    Operation(String label) {
        this.label = label;
    }

    /** The name used on the command line and in reports ({@code verified-set}). */
    public String label() {
        return label;
    }

    /** True if the operation needs preloaded keys. */
    public boolean reads() {
        return this == GET || this == VERIFIED_GET;
    }

    /** The operation labelled {@code label} (case-insensitive). */
    public static Operation of(String label) {
        for (Operation o : values()) {
            if (o.label.equals(label.toLowerCase(Locale.ROOT))) {
                return o;
            }
        }
        throw new IllegalArgumentException("operation '" + label + "', want set, verified-set, get or verified-get");
    }
}
