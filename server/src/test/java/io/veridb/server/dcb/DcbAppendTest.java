package io.veridb.server.dcb;

import static io.veridb.server.dcb.DcbMessages.append;
import static io.veridb.server.dcb.DcbMessages.appendIf;
import static io.veridb.server.dcb.DcbMessages.event;
import static io.veridb.server.dcb.DcbMessages.tags;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.veridb.protocol.umadb.v1.AppendCondition;
import io.veridb.protocol.umadb.v1.AppendRequest;
import io.veridb.protocol.umadb.v1.ErrorResponse;
import io.veridb.protocol.umadb.v1.Event;
import io.veridb.protocol.umadb.v1.HeadRequest;
import io.veridb.protocol.umadb.v1.MetadataEntry;
import io.veridb.protocol.umadb.v1.TrackingInfo;
import io.veridb.protocol.umadb.v1.TrackingRequest;
import java.nio.file.Path;
import java.util.Collections;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DcbAppendTest {
    @TempDir
    Path dir;

    DcbTestServer server;

    @BeforeEach
    void start() throws Exception {
        server = new DcbTestServer(dir, null);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private long submit(AppendRequest request) {
        return server.dcb().append(request).getPosition();
    }

    private long head() {
        var r = server.dcb().head(HeadRequest.getDefaultInstance());
        return r.hasPosition() ? r.getPosition() : 0;
    }

    /** Asserts UmaDB's code, error type and message prefix, and that nothing stored changed. */
    private void assertRejected(AppendRequest request, Status.Code code, ErrorResponse.ErrorType type,
            String messagePrefix) {
        long headBefore = head();
        long txBefore = server.ledger.lastTxId();
        assertThatThrownBy(() -> submit(request)).isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
            assertThat(e.getStatus().getCode()).isEqualTo(code);
            assertThat(e.getStatus().getDescription()).startsWith(messagePrefix);
            ErrorResponse details = DcbTestServer.details(e);
            assertThat(details.getErrorType()).isEqualTo(type);
            assertThat(details.getMessage()).isEqualTo(e.getStatus().getDescription());
        });
        assertThat(head()).isEqualTo(headBefore);
        assertThat(server.ledger.lastTxId()).isEqualTo(txBefore);
    }

    @Test
    void headIsAbsentOnAnEmptyStoreThenTheLastPosition() {
        assertThat(server.dcb().head(HeadRequest.getDefaultInstance()).hasPosition()).isFalse();
        assertThat(submit(append(event("A"), event("B")))).isEqualTo(2);
        assertThat(head()).isEqualTo(2);
    }

    @Test
    void conditionFailureIsFailedPreconditionWithIntegrityDetails() {
        submit(append(event("A", "x")));
        assertRejected(appendIf(tags("x"), 0, event("B")), Status.Code.FAILED_PRECONDITION,
                ErrorResponse.ErrorType.INTEGRITY, "integrity error: condition failed: condition: DcbAppendCondition");
        assertThat(submit(appendIf(tags("x"), 1, event("B")))).isEqualTo(2);
    }

    @Test
    void absentQueryInConditionMatchesEverything() {
        submit(append(event("A")));
        AppendRequest request = AppendRequest.newBuilder().addEvents(event("B"))
                .setCondition(AppendCondition.getDefaultInstance()).build();
        assertRejected(request, Status.Code.FAILED_PRECONDITION, ErrorResponse.ErrorType.INTEGRITY,
                "integrity error: condition failed: ");
        assertThat(submit(AppendRequest.newBuilder().addEvents(event("B"))
                .setCondition(AppendCondition.newBuilder().setAfter(1)).build())).isEqualTo(2);
    }

    @Test
    void zeroEventAppendReturnsZeroAndWithFailingConditionIsACleanIntegrityError() {
        assertThat(submit(AppendRequest.getDefaultInstance())).isZero();
        submit(append(event("A", "x")));
        assertRejected(appendIf(tags("x"), 0), Status.Code.FAILED_PRECONDITION, ErrorResponse.ErrorType.INTEGRITY,
                "integrity error: condition failed: ");
    }

    @Test
    void idempotentRetryReturnsOriginalPosition() {
        Event e = event("A", "x").toBuilder().setUuid("0b6a5d2c-0000-4000-8000-000000000001").build();
        long first = submit(appendIf(tags("x"), 0, e));
        assertThat(submit(appendIf(tags("x"), 0, e))).isEqualTo(first);
        assertThat(head()).isEqualTo(first);
    }

    @Test
    void trackingIsRecordedReturnedAndMustIncrease() {
        TrackingInfo t = TrackingInfo.newBuilder().setSource("up").setPosition(5).build();
        assertThat(server.dcb().getTrackingInfo(TrackingRequest.newBuilder().setSource("up").build())
                .hasPosition()).isFalse();
        submit(AppendRequest.newBuilder().addEvents(event("A")).setTrackingInfo(t).build());
        assertThat(server.dcb().getTrackingInfo(TrackingRequest.newBuilder().setSource("up").build())
                .getPosition()).isEqualTo(5);
        assertRejected(AppendRequest.newBuilder().addEvents(event("A")).setTrackingInfo(t).build(),
                Status.Code.FAILED_PRECONDITION, ErrorResponse.ErrorType.INTEGRITY,
                "integrity error: condition failed: non-increasing tracking position for source 'up': 5 <= 5");
        assertThat(submit(AppendRequest.newBuilder().setTrackingInfo(t.toBuilder().setPosition(9)).build()))
                .isZero();
    }

    @Test
    void invalidUuidIsDataLossDeserializationError() {
        assertRejected(append(event("A").toBuilder().setUuid("not-a-uuid").build()), Status.Code.DATA_LOSS,
                ErrorResponse.ErrorType.CORRUPTION, "deserialization error: Invalid UUID in Event");
    }

    @Test
    void tooManyTagsIsInvalidArgumentNamingValueAndLimit() {
        Event e = Event.newBuilder().setEventType("T").addAllTags(Collections.nCopies(65_536, "t")).build();
        assertRejected(append(e), Status.Code.INVALID_ARGUMENT, ErrorResponse.ErrorType.INVALID_ARGUMENT,
                "invalid argument: event has 65536 tags, exceeding the maximum of 65535");
    }

    @Test
    void oversizedEventIsInvalidArgument() {
        Event e = Event.newBuilder().setEventType("T").setData(ByteString.copyFrom(new byte[5 << 20])).build();
        assertRejected(append(e), Status.Code.INVALID_ARGUMENT, ErrorResponse.ErrorType.INVALID_ARGUMENT,
                "invalid argument: event 0 is 5242888 bytes encoded, exceeding the maximum event size of 4128768");
    }

    @Test
    void duplicateMetadataKeysAreInvalidArgument() {
        Event e = Event.newBuilder().setEventType("T")
                .addMetadata(MetadataEntry.newBuilder().setKey("k").setValue("1"))
                .addMetadata(MetadataEntry.newBuilder().setKey("k").setValue("2")).build();
        assertRejected(append(e), Status.Code.INVALID_ARGUMENT, ErrorResponse.ErrorType.INVALID_ARGUMENT,
                "invalid argument: event 0 has duplicate metadata key 'k'");
    }

    @Test
    void longTrackingSourceIsInvalidArgument() {
        assertRejected(AppendRequest.newBuilder().addEvents(event("A"))
                        .setTrackingInfo(TrackingInfo.newBuilder().setSource("s".repeat(300)).setPosition(1)).build(),
                Status.Code.INVALID_ARGUMENT, ErrorResponse.ErrorType.INVALID_ARGUMENT,
                "invalid argument: tracking source too long (300 > 255)");
    }

    @Test
    void tooManyEventsForOneTransactionIsInvalidArgument() {
        AppendRequest.Builder b = AppendRequest.newBuilder();
        for (int i = 0; i < 1025; i++) {
            b.addEvents(event("A"));
        }
        assertRejected(b.build(), Status.Code.INVALID_ARGUMENT, ErrorResponse.ErrorType.INVALID_ARGUMENT,
                "invalid argument: append has 1025 events, exceeding the maximum of 1024 events per append");
    }

    @Test
    void unknownDatabaseHeaderIsInvalidArgument() {
        io.grpc.Metadata headers = new io.grpc.Metadata();
        headers.put(DatabaseInterceptor.DATABASE, "otherdb");
        var stub = server.dcb().withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers));
        assertThatThrownBy(() -> stub.append(append(event("A")))).isInstanceOfSatisfying(
                StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).isEqualTo(
                            "invalid argument: unknown database 'otherdb': this DCB endpoint serves 'dcbdb'");
                });
        headers.put(DatabaseInterceptor.DATABASE, "dcbdb");
        assertThat(server.dcb().withInterceptors(io.grpc.stub.MetadataUtils.newAttachHeadersInterceptor(headers))
                .append(append(event("A"))).getPosition()).isEqualTo(1);
        assertThat(head()).isEqualTo(1);
    }

    @Test
    void concurrentConditionalAppendsGrantExactlyOne() throws Exception {
        submit(append(event("Seed", "acct")));
        int writers = 16;
        java.util.List<java.util.concurrent.CompletableFuture<Long>> results = new java.util.ArrayList<>();
        var pool = java.util.concurrent.Executors.newFixedThreadPool(writers);
        try {
            for (int i = 0; i < writers; i++) {
                results.add(java.util.concurrent.CompletableFuture.supplyAsync(
                        () -> submit(appendIf(tags("acct"), 1, event("Debit", "acct"))), pool));
            }
            long granted = results.stream().filter(f -> {
                try {
                    f.join();
                    return true;
                } catch (java.util.concurrent.CompletionException e) {
                    assertThat(((StatusRuntimeException) e.getCause()).getStatus().getCode())
                            .isEqualTo(Status.Code.FAILED_PRECONDITION);
                    return false;
                }
            }).count();
            assertThat(granted).isEqualTo(1);
            assertThat(head()).isEqualTo(2);
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void appendsAndTheirRejectionsAreAnsweredFromTheNettyEventLoopNotTheLedgerWriter() {
        submit(append(event("A", "x")));
        assertRejected(appendIf(tags("x"), 0, event("B")), Status.Code.FAILED_PRECONDITION,
                ErrorResponse.ErrorType.INTEGRITY, "integrity error: condition failed: ");
        java.util.List<String> appends = server.closingThreads.stream()
                .filter(c -> c.startsWith("umadb.v1.DCB/Append ")).toList();
        assertThat(appends).hasSize(2).allSatisfy(c -> assertThat(c)
                .as("closing thread").contains("-worker-ELG-").doesNotContain("veridb-ledger-writer"));
    }
}
