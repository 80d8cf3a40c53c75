package io.veridb.server.dcb;

import com.google.protobuf.ByteString;
import io.veridb.protocol.umadb.v1.AppendCondition;
import io.veridb.protocol.umadb.v1.AppendRequest;
import io.veridb.protocol.umadb.v1.Event;
import io.veridb.protocol.umadb.v1.Query;
import io.veridb.protocol.umadb.v1.QueryItem;
import java.nio.charset.StandardCharsets;
import java.util.List;

/** Builders for umadb.v1 test messages. */
final class DcbMessages {
    private DcbMessages() {}

    static Event event(String type, String... tags) {
        return Event.newBuilder().setEventType(type).addAllTags(List.of(tags))
                .setData(ByteString.copyFrom(type, StandardCharsets.UTF_8)).build();
    }

    static AppendRequest append(Event... events) {
        return AppendRequest.newBuilder().addAllEvents(List.of(events)).build();
    }

    static AppendRequest appendIf(Query query, long after, Event... events) {
        return AppendRequest.newBuilder().addAllEvents(List.of(events))
                .setCondition(AppendCondition.newBuilder().setFailIfEventsMatch(query).setAfter(after)).build();
    }

    static Query tags(String... tags) {
        return Query.newBuilder().addItems(QueryItem.newBuilder().addAllTags(List.of(tags))).build();
    }

    static Query types(String... types) {
        return Query.newBuilder().addItems(QueryItem.newBuilder().addAllTypes(List.of(types))).build();
    }
}
