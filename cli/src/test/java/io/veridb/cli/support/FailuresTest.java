package io.veridb.cli.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.grpc.Status;
import io.veridb.client.KeyNotFoundException;
import io.veridb.client.ServerIdentityException;
import io.veridb.client.VeriClientException;
import io.veridb.client.VerificationException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;

class FailuresTest {

    @Test
    void verificationIdentityAndIntegrityFailuresExitThree() {
        assertThat(Failures.exitCode(new VerificationException("dual proof", "aa", "bb"))).isEqualTo(3);
        assertThat(Failures.exitCode(new ServerIdentityException("h:1", "u1", "u2"))).isEqualTo(3);
        assertThat(Failures.exitCode(new IntegrityFailure("value hash"))).isEqualTo(3);
        assertThat(Failures.exitCode(new VeriClientException("Get: DATA_LOSS corrupted data", Status.Code.DATA_LOSS,
                "", null))).isEqualTo(3);
    }

    @Test
    void operationFailuresExitOne() {
        assertThat(Failures.exitCode(new KeyNotFoundException("Get: UNKNOWN key not found", Status.Code.UNKNOWN, "",
                null))).isEqualTo(1);
        assertThat(Failures.exitCode(new VeriClientException("Set: PERMISSION_DENIED",
                Status.Code.PERMISSION_DENIED, "", null))).isEqualTo(1);
        assertThat(Failures.exitCode(new UncheckedIOException("cannot read x", new IOException("gone"))))
                .isEqualTo(1);
    }

    @Test
    void usageFailuresExitTwo() {
        assertThat(Failures.exitCode(new UsageException("bad"))).isEqualTo(2);
        assertThat(Failures.exitCode(new IllegalArgumentException("address=x, want host:port"))).isEqualTo(2);
    }

    @Test
    void messagesSayWhatWentWrong() {
        assertThat(Failures.message(new VeriClientException("OpenSession: UNAVAILABLE io exception",
                Status.Code.UNAVAILABLE, "", null))).startsWith("server unavailable: OpenSession");
        assertThat(Failures.message(new UncheckedIOException("cannot read f", new IOException("denied"))))
                .isEqualTo("cannot read f: denied");
        assertThat(Failures.message(new IllegalStateException("boom"))).isEqualTo("IllegalStateException: boom");
    }
}
