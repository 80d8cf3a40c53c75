package io.veridb.server.dcb;

import static io.veridb.server.dcb.DcbMessages.append;
import static io.veridb.server.dcb.DcbMessages.event;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.grpc.Metadata;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.health.v1.HealthCheckRequest;
import io.grpc.health.v1.HealthCheckResponse.ServingStatus;
import io.grpc.health.v1.HealthGrpc;
import io.grpc.stub.MetadataUtils;
import io.veridb.protocol.umadb.v1.DCBGrpc;
import io.veridb.protocol.umadb.v1.ErrorResponse;
import io.veridb.protocol.umadb.v1.HeadRequest;
import io.veridb.protocol.umadb.v1.ReadRequest;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DcbAuthHealthTest {
    private static final String KEY = "umadb:example-api-key-1";

    @TempDir
    Path dir;

    DcbTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new DcbTestServer(dir, KEY);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private DCBGrpc.DCBBlockingStub withAuthorization(String value) {
        Metadata headers = new Metadata();
        headers.put(ApiKeyInterceptor.AUTHORIZATION, value);
        return server.dcb().withInterceptors(MetadataUtils.newAttachHeadersInterceptor(headers));
    }

    private static void assertUnauthenticated(Runnable call) {
        assertThatThrownBy(call::run).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.UNAUTHENTICATED);
            assertThat(e.getStatus().getDescription())
                    .isEqualTo("authentication error: missing or invalid API key");
            assertThat(DcbTestServer.details(e).getErrorType()).isEqualTo(ErrorResponse.ErrorType.AUTHENTICATION);
        });
    }

    @Test
    void exactBearerKeyIsAccepted() {
        assertThat(withAuthorization("Bearer " + KEY).append(append(event("A"))).getPosition()).isEqualTo(1);
    }

    @Test
    void missingWrongOrMisspelledKeysAreRejectedAndStoreNothing() {
        assertUnauthenticated(() -> server.dcb().head(HeadRequest.getDefaultInstance()));
        assertUnauthenticated(() -> withAuthorization("Bearer wrong").append(append(event("A"))));
        assertUnauthenticated(() -> withAuthorization("bearer " + KEY).head(HeadRequest.getDefaultInstance()));
        assertUnauthenticated(() -> withAuthorization("Bearer  " + KEY).head(HeadRequest.getDefaultInstance()));
        assertUnauthenticated(() -> withAuthorization(KEY).read(ReadRequest.getDefaultInstance()).hasNext());
        assertThat(server.ledger.lastTxId()).isZero();
    }

    @Test
    void legacyAndProofServicesAreBehindTheKeyToo() {
        assertUnauthenticated(() -> io.veridb.protocol.umadb.legacy.UmaDBServiceGrpc.newBlockingStub(server.channel)
                .head(io.veridb.protocol.umadb.legacy.HeadRequestProto.getDefaultInstance()));
        assertUnauthenticated(() -> io.veridb.protocol.veridb.v1.EventProofsGrpc.newBlockingStub(server.channel)
                .currentState(io.veridb.protocol.veridb.v1.EventStateRequest.getDefaultInstance()));
    }

    @Test
    void healthNeedsNoKeyAndTurnsNotServingAtClose() {
        var health = HealthGrpc.newBlockingStub(server.channel);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService("").build()).getStatus())
                .isEqualTo(ServingStatus.SERVING);
        assertThat(health.check(HealthCheckRequest.newBuilder().setService("umadb.v1.DCB").build()).getStatus())
                .isEqualTo(ServingStatus.SERVING);
        server.face.close();
        assertThat(health.check(HealthCheckRequest.newBuilder().setService("").build()).getStatus())
                .isEqualTo(ServingStatus.NOT_SERVING);
    }
}
