package io.veridb.server.dcb;

import static io.veridb.server.dcb.DcbMessages.append;
import static io.veridb.server.dcb.DcbMessages.event;
import static io.veridb.server.dcb.DcbMessages.tags;
import static io.veridb.server.dcb.DcbMessages.types;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.veridb.protocol.umadb.v1.ErrorResponse;
import io.veridb.protocol.umadb.v1.Event;
import io.veridb.protocol.umadb.v1.ReadRequest;
import io.veridb.protocol.umadb.v1.ReadResponse;
import io.veridb.protocol.umadb.v1.SequencedEvent;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DcbReadTest {
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

    private List<ReadResponse> read(ReadRequest request) {
        List<ReadResponse> out = new ArrayList<>();
        server.dcb().read(request).forEachRemaining(out::add);
        return out;
    }

    private static List<Long> positions(List<ReadResponse> messages) {
        List<Long> out = new ArrayList<>();
        for (ReadResponse m : messages) {
            for (SequencedEvent e : m.getEventsList()) {
                out.add(e.getPosition());
            }
        }
        return out;
    }

    private void fill(int n) {
        for (int i = 1; i <= n; i++) {
            server.dcb().append(append(event(i % 2 == 0 ? "Even" : "Odd", "n" + i, i % 3 == 0 ? "three" : "x")));
        }
    }

    @Test
    void emptyStoreGivesOneMessageWithoutHead() {
        List<ReadResponse> messages = read(ReadRequest.getDefaultInstance());
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getEventsCount()).isZero();
        assertThat(messages.get(0).hasHead()).isFalse();
    }

    @Test
    void everyMessageCarriesTheCapturedHeadWithoutLimit() {
        fill(10);
        List<ReadResponse> messages = read(ReadRequest.newBuilder().setQuery(types("Odd")).setBatchSize(2).build());
        assertThat(positions(messages)).containsExactly(1L, 3L, 5L, 7L, 9L);
        assertThat(messages).hasSize(3).allSatisfy(m -> assertThat(m.getHead()).isEqualTo(10));
    }

    @Test
    void withLimitHeadIsTheLastPositionOfEachMessage() {
        fill(10);
        List<ReadResponse> messages = read(ReadRequest.newBuilder().setLimit(5).setBatchSize(2).build());
        assertThat(positions(messages)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(messages).extracting(ReadResponse::getHead).containsExactly(2L, 4L, 5L);
    }

    @Test
    void backwardsFromStartInclusiveWithLimit() {
        fill(10);
        List<ReadResponse> messages = read(ReadRequest.newBuilder().setStart(8).setBackwards(true).setLimit(3)
                .build());
        assertThat(positions(messages)).containsExactly(8L, 7L, 6L);
        assertThat(messages.get(messages.size() - 1).getHead()).isEqualTo(6);
        assertThat(positions(read(ReadRequest.newBuilder().setBackwards(true).setQuery(tags("three")).build())))
                .containsExactly(9L, 6L, 3L);
    }

    @Test
    void startIsInclusiveForwards() {
        fill(5);
        assertThat(positions(read(ReadRequest.newBuilder().setStart(4).build()))).containsExactly(4L, 5L);
    }

    @Test
    void emptyResultIsOneMessageWithHeadUnlessLimited() {
        fill(3);
        List<ReadResponse> unlimited = read(ReadRequest.newBuilder().setQuery(tags("none")).build());
        assertThat(unlimited).hasSize(1);
        assertThat(unlimited.get(0).getHead()).isEqualTo(3);
        List<ReadResponse> limited = read(ReadRequest.newBuilder().setQuery(tags("none")).setLimit(4).build());
        assertThat(limited).hasSize(1);
        assertThat(limited.get(0).hasHead()).isFalse();
        List<ReadResponse> beyond = read(ReadRequest.newBuilder().setStart(100).build());
        assertThat(beyond).hasSize(1);
        assertThat(beyond.get(0).getHead()).isEqualTo(3);
    }

    @Test
    void limitZeroSendsNoMessages() {
        fill(3);
        assertThat(read(ReadRequest.newBuilder().setLimit(0).build())).isEmpty();
    }

    @Test
    void batchSizeDefaultsTo1024AndIsClampedTo1And4096() {
        fill(1030);
        assertThat(read(ReadRequest.getDefaultInstance())).extracting(ReadResponse::getEventsCount)
                .containsExactly(1024, 6);
        assertThat(read(ReadRequest.newBuilder().setLimit(3).setBatchSize(0).build()))
                .extracting(ReadResponse::getEventsCount).containsExactly(1, 1, 1);
        assertThat(read(ReadRequest.newBuilder().setBatchSize(100_000).build()))
                .extracting(ReadResponse::getEventsCount).containsExactly(1030);
    }

    @Test
    void messagesAreCutBelowFourMebibytes() {
        byte[] big = new byte[1_500_000];
        for (int i = 0; i < 5; i++) {
            server.dcb().append(append(Event.newBuilder().setEventType("Big").setData(ByteString.copyFrom(big))
                    .build()));
        }
        List<ReadResponse> messages = read(ReadRequest.getDefaultInstance());
        assertThat(positions(messages)).containsExactly(1L, 2L, 3L, 4L, 5L);
        assertThat(messages).hasSizeGreaterThan(1)
                .allSatisfy(m -> assertThat(m.getSerializedSize()).isLessThan(4 * 1024 * 1024));
    }

    @Test
    void subscribeFlagIsRejectedWithUmaDbError() {
        assertThatThrownBy(() -> read(ReadRequest.newBuilder().setSubscribe(true).build()))
                .isInstanceOfSatisfying(StatusRuntimeException.class, e -> {
                    assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.INVALID_ARGUMENT);
                    assertThat(e.getStatus().getDescription()).startsWith("invalid argument: ")
                            .contains("Subscribe");
                    assertThat(DcbTestServer.details(e).getErrorType())
                            .isEqualTo(ErrorResponse.ErrorType.INVALID_ARGUMENT);
                });
    }

    @Test
    void readStopsAtTheHeadCapturedAtItsStart() {
        fill(5);
        var it = server.dcb().read(ReadRequest.newBuilder().setBatchSize(1).build());
        ReadResponse first = it.next();
        fill(3);
        List<Long> rest = new ArrayList<>();
        rest.add(first.getEvents(0).getPosition());
        it.forEachRemaining(m -> m.getEventsList().forEach(e -> rest.add(e.getPosition())));
        assertThat(rest).containsExactly(1L, 2L, 3L, 4L, 5L);
    }

    @Test
    void readsReturnEveryFieldIncludingTrackingInfo() {
        var request = io.veridb.protocol.umadb.v1.AppendRequest.newBuilder()
                .addEvents(Event.newBuilder().setEventType("T").addTags("b").addTags("a").addTags("b")
                        .setData(ByteString.copyFromUtf8("d")).setUuid("67E55044-10B1-426F-9247-BB680E5FE0C8")
                        .addMetadata(io.veridb.protocol.umadb.v1.MetadataEntry.newBuilder().setKey("k")
                                .setValue("v")))
                .setTrackingInfo(io.veridb.protocol.umadb.v1.TrackingInfo.newBuilder().setSource("s")
                        .setPosition(4))
                .build();
        server.dcb().append(request);
        SequencedEvent e = read(ReadRequest.getDefaultInstance()).get(0).getEvents(0);
        assertThat(e.getEvent().getTagsList()).containsExactly("b", "a", "b");
        assertThat(e.getEvent().getUuid()).isEqualTo("67e55044-10b1-426f-9247-bb680e5fe0c8");
        assertThat(e.getEvent().getMetadata(0).getKey()).isEqualTo("k");
        assertThat(e.getTrackingInfo().getSource()).isEqualTo("s");
        assertThat(e.getTrackingInfo().getPosition()).isEqualTo(4);
        assertThat(e.getEvent().getData().toStringUtf8()).isEqualTo("d");
    }
}
