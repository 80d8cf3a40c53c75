package io.veridb.server.dcb;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.protobuf.ByteString;
import io.veridb.protocol.umadb.legacy.AppendConditionProto;
import io.veridb.protocol.umadb.legacy.AppendRequestProto;
import io.veridb.protocol.umadb.legacy.EventProto;
import io.veridb.protocol.umadb.legacy.HeadRequestProto;
import io.veridb.protocol.umadb.legacy.QueryItemProto;
import io.veridb.protocol.umadb.legacy.QueryProto;
import io.veridb.protocol.umadb.legacy.ReadRequestProto;
import io.veridb.protocol.umadb.legacy.ReadResponseProto;
import io.veridb.protocol.umadb.legacy.UmaDBServiceGrpc;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The pre-0.1.28 umadb.UmaDBService paths, as the dcb.events k6 adapter calls them. */
class DcbLegacyTest {
    @TempDir
    Path dir;

    DcbTestServer server;
    UmaDBServiceGrpc.UmaDBServiceBlockingStub legacy;

    @BeforeEach
    void start() throws Exception {
        server = new DcbTestServer(dir, null);
        legacy = UmaDBServiceGrpc.newBlockingStub(server.channel);
    }

    @AfterEach
    void stop() throws Exception {
        server.close();
    }

    private static EventProto event(String type, String tag) {
        return EventProto.newBuilder().setEventType(type).addTags(tag).setData(ByteString.copyFromUtf8(type))
                .build();
    }

    @Test
    void appendHeadAndReadWork() {
        assertThat(legacy.head(HeadRequestProto.getDefaultInstance()).hasPosition()).isFalse();
        assertThat(legacy.append(AppendRequestProto.newBuilder().addEvents(event("A", "x"))
                .addEvents(event("B", "y")).build()).getPosition()).isEqualTo(2);
        assertThat(legacy.head(HeadRequestProto.getDefaultInstance()).getPosition()).isEqualTo(2);
        List<ReadResponseProto> messages = new ArrayList<>();
        legacy.read(ReadRequestProto.newBuilder().setQuery(QueryProto.newBuilder()
                .addItems(QueryItemProto.newBuilder().addTags("y"))).build()).forEachRemaining(messages::add);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getEvents(0).getPosition()).isEqualTo(2);
        assertThat(messages.get(0).getEvents(0).getEvent().getEventType()).isEqualTo("B");
        assertThat(messages.get(0).getHead()).isEqualTo(2);
    }

    @Test
    void limitZeroMeansUnlimitedOnTheLegacyPath() {
        legacy.append(AppendRequestProto.newBuilder().addEvents(event("A", "x")).addEvents(event("B", "x")).build());
        List<ReadResponseProto> messages = new ArrayList<>();
        legacy.read(ReadRequestProto.newBuilder().setStart(0).setLimit(0).setBatchSize(100).build())
                .forEachRemaining(messages::add);
        assertThat(messages).hasSize(1);
        assertThat(messages.get(0).getEventsCount()).isEqualTo(2);
    }

    @Test
    void conflictsUseUmaDbsCodeAndText() {
        legacy.append(AppendRequestProto.newBuilder().addEvents(event("A", "x")).build());
        try {
            legacy.append(AppendRequestProto.newBuilder().addEvents(event("B", "x"))
                    .setCondition(AppendConditionProto.newBuilder().setFailIfEventsMatch(QueryProto.newBuilder()
                            .addItems(QueryItemProto.newBuilder().addTags("x")))).build());
            throw new AssertionError("expected a conflict");
        } catch (StatusRuntimeException e) {
            assertThat(e.getStatus().getCode()).isEqualTo(Status.Code.FAILED_PRECONDITION);
            assertThat(e.getStatus().getDescription()).startsWith("integrity error: condition failed: ");
        }
    }
}
