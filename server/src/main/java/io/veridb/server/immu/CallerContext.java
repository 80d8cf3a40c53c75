package io.veridb.server.immu;

import io.grpc.Context;
import io.veridb.server.auth.Caller;

/** Carries the {@link Caller} resolved by {@link AuthInterceptor} to the handlers of the same call. */
final class CallerContext {
    static final Context.Key<Caller> CALLER = Context.key("veridb-caller");

    private CallerContext() {}

    /** The caller of the current call; only valid for RPCs whose {@link Access} is not OPEN. */
    static Caller current() {
        Caller caller = CALLER.get();
        if (caller == null) {
            throw new IllegalStateException("no caller in this call context");
        }
        return caller;
    }
}
