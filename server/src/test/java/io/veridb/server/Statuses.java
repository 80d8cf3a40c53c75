package io.veridb.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Asserts that a call fails with an exact gRPC code and message. */
public final class Statuses {
    private Statuses() {}

    public static void assertFails(ThrowingCallable call, Status.Code code, String message) {
        Throwable t = catchThrowable(call);
        assertThat(t).as("expected %s %s", code, message).isInstanceOf(StatusRuntimeException.class);
        Status s = ((StatusRuntimeException) t).getStatus();
        assertThat(s.getCode()).as("code of '%s'", s.getDescription()).isEqualTo(code);
        assertThat(s.getDescription()).isEqualTo(message);
    }

    /** As {@link #assertFails}, with a message prefix instead of the exact message. */
    public static void assertFailsStartingWith(ThrowingCallable call, Status.Code code, String prefix) {
        Throwable t = catchThrowable(call);
        assertThat(t).as("expected %s %s…", code, prefix).isInstanceOf(StatusRuntimeException.class);
        Status s = ((StatusRuntimeException) t).getStatus();
        assertThat(s.getCode()).as("code of '%s'", s.getDescription()).isEqualTo(code);
        assertThat(s.getDescription()).startsWith(prefix);
    }
}
